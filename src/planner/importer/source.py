"""A document as a sequence of paragraphs and table rows, each knowing where it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    """A line of a text export, a row of a sheet or of a Word table, or a Word paragraph."""

    line: int
    part: str = ""  # the sheet or Word table; "" for a text export
    unit: str = "dòng"

    def __str__(self) -> str:
        place = f"{self.unit} {self.line}"
        return f"{self.part}, {place}" if self.part else place


@dataclass(frozen=True)
class Paragraph:
    text: str
    origin: Origin


@dataclass(frozen=True)
class Row:
    """One table row; `table` numbers the physical table (a Word table, a run of tab lines)."""

    cells: tuple[str, ...]
    origin: Origin
    table: int
    merged: frozenset[int] = frozenset()  # columns whose cell is merged down from the row above


@dataclass(frozen=True)
class Gap:
    """An empty line or row: it separates nothing by itself, but is kept for xlsx layouts."""

    origin: Origin


Block = Paragraph | Row | Gap


@dataclass(frozen=True)
class SourceDocument:
    name: str
    format: str  # "text", "xlsx" or "docx"
    blocks: tuple[Block, ...]
