"""How a document is known again when it is imported another time, to apply the corrections
kept for it: by its province and number, or, when it states none, by the layout of its tables."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from planner.domain.plan import plan_number
from planner.domain.text import name_key
from planner.importer.cells import cell_text
from planner.importer.document_header import DocumentHeader, attached_identity, read_header
from planner.importer.findings import Findings
from planner.importer.source import SourceDocument
from planner.importer.spelling import words_key
from planner.importer.tables import segment


@dataclass(frozen=True)
class DocumentKeys:
    stated: str | None  # its province and number, when the document states them
    layout: str  # its province, title and the headers of its tables

    @property
    def lookup(self) -> tuple[str, ...]:
        """Where kept corrections are looked for, the surest first."""
        return tuple(k for k in (self.stated, self.layout) if k)

    def recorded(self, header: DocumentHeader) -> tuple[str, ...]:
        """Where corrections are kept: the layout, and the number the document ends up with."""
        number = number_key(header.province, header.number)
        return tuple(dict.fromkeys(k for k in (number, self.layout) if k))


def document_keys(source: SourceDocument) -> DocumentKeys:
    segmented = segment(source)
    header = read_header(segmented.paragraphs, Findings())
    number = header.number or attached_identity(segmented.paragraphs)[0]
    headers = [
        " | ".join(words_key(cell_text(c)) for c in row.cells)
        for table in segmented.tables
        for row in table.headers[: table.layout.rows]
    ]
    shape = "\n".join([name_key(header.province or ""), words_key(header.title), *headers])
    digest = hashlib.sha256(shape.encode("utf-8")).hexdigest()[:24]
    return DocumentKeys(number_key(header.province, number), f"layout:{digest}")


def number_key(province: str | None, number: str | None) -> str | None:
    if not province or not number:
        return None
    return f"number:{name_key(province)}:{name_key(plan_number(number))}"
