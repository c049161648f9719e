"""Evidence in a request: links as given, files only when they were uploaded first."""

from __future__ import annotations

from collections.abc import Sequence

from api.field_error import FieldInvalid
from api.json_api.models import EvidenceIn
from planner.domain.errors import InvalidValue
from planner.domain.evidence import Evidence
from planner.storage.evidence_files import EvidenceFiles


def evidence_of(items: Sequence[EvidenceIn], files: EvidenceFiles) -> tuple[Evidence, ...]:
    found = []
    for position, item in enumerate(items):
        where = ["body", "evidence", str(position)]
        if item.file is not None and not files.exists(item.file):
            raise FieldInvalid(
                f"tài liệu '{item.name}': tệp {item.file} chưa được tải lên (POST /api/files)",
                [*where, "file"],
            )
        try:
            found.append(Evidence.of(item.name, link=item.link, file=item.file))
        except InvalidValue as error:
            raise FieldInvalid(error.message, where) from None
    return tuple(found)
