"""Uploaded evidence (tài liệu kiểm chứng), stored by content under one directory.

A file is named by the SHA-256 of its bytes plus its extension ("3f2a…9c.pdf"): the same
document uploaded twice is stored once, and a stored file can never be changed in place.
`Evidence.file` holds that reference.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePath

from planner.domain.errors import InvalidValue

_REFERENCE = re.compile(r"^[0-9a-f]{64}(\.[a-z0-9]{1,8})?$")
_EXTENSION = re.compile(r"^\.[a-z0-9]{1,8}$")


class FileTooLarge(InvalidValue):
    code = "file_too_large"

    @classmethod
    def beyond(cls, filename: str, max_bytes: int) -> FileTooLarge:
        return cls(f"tệp '{filename}' lớn hơn {_size(max_bytes)}")


def _size(count: int) -> str:
    """20 MB, 1,5 MB, 500 KB: a configured limit as people read it (decimal comma)."""
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if count >= size:
            return f"{count / size:.1f}".removesuffix(".0").replace(".", ",") + f" {unit}"
    return f"{count} byte"


class EvidenceFiles:
    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes

    def store(self, chunks: Iterable[bytes], filename: str) -> str:
        """Write the chunks, refusing more than `max_bytes`; returns the file's reference."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        handle, temporary = tempfile.mkstemp(dir=self.root, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in chunks:
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FileTooLarge.beyond(filename, self.max_bytes)
                    digest.update(chunk)
                    out.write(chunk)
            if size == 0:
                raise InvalidValue(f"tệp '{filename}' trống")
            reference = digest.hexdigest() + _extension(filename)
            target = self.path(reference)
            target.parent.mkdir(exist_ok=True)
            os.replace(temporary, target)
            return reference
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)

    def path(self, reference: str) -> Path:
        """Where a reference is stored; refuses anything that is not a reference."""
        if not _REFERENCE.match(reference):
            raise InvalidValue(f"'{reference}' không phải mã tệp kiểm chứng")
        return self.root / reference[:2] / reference

    def exists(self, reference: str) -> bool:
        return is_reference(reference) and self.path(reference).is_file()

    def stored(self) -> list[str]:
        """Every stored file's reference, sorted; uploads under way and other folders are not."""
        if not self.root.is_dir():
            return []
        return sorted(
            found.name
            for found in self.root.glob("??/*")
            if is_reference(found.name) and found.parent.name == found.name[:2] and found.is_file()
        )


def is_reference(text: str) -> bool:
    """A stored file's name: the SHA-256 of its bytes, then its extension."""
    return bool(_REFERENCE.match(text))


def _extension(filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    return suffix if _EXTENSION.match(suffix) else ""
