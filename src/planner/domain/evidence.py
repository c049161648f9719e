"""Tài liệu kiểm chứng: a named link or stored file that proves a piece of work."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.domain.errors import InvalidValue
from planner.domain.text import clean

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    name: str
    link: str | None = None
    file: str | None = None

    @classmethod
    def of(cls, name: str, link: str | None = None, file: str | None = None) -> Evidence:
        """Evidence with a name and exactly one of a web link or a stored file reference."""
        title = clean(name)
        if not title:
            raise InvalidValue("tài liệu kiểm chứng: cần có tên tài liệu")
        if (link is None) == (file is None):
            raise InvalidValue(f"tài liệu kiểm chứng '{title}': cần một đường dẫn hoặc một tệp")
        if link is not None and not _URL.match(link.strip()):
            raise InvalidValue(
                f"tài liệu kiểm chứng '{title}': đường dẫn '{link}' phải bắt đầu bằng http:// "
                "hoặc https://"
            )
        return cls(title, link.strip() if link else None, file.strip() if file else None)
