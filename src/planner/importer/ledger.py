"""Where every cell of a table went: a task's field, a heading, a header, or a finding.

An import keeps one `CellUse` per non-empty cell it read, so that nothing is lost or read
twice without anyone seeing it, and a preview can show each stored field beside its cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planner.importer.cells import cell_text
from planner.importer.source import Origin, Row


class Use(StrEnum):
    TASK = "task"  # a field of a task: `key` is its reference, `field` the field
    HEADING = "heading"  # a section or group heading: `key` is its text
    HEADER = "header"  # the table's header, a repeated one, or its column numbers
    CRITERION = "criterion"  # a criterion's code, name, points or target: `key` is its code
    FINDING = "finding"  # not stored: a warning names the cell


@dataclass(frozen=True)
class CellUse:
    origin: Origin
    column: int
    text: str
    use: Use
    key: str = ""
    field: str = ""
    joined_with: str = " "  # how the cell's text joins the cell before it in the field
    table: int = 0  # the table's order in the document
    part: int = 0  # the paragraph, when a cell's paragraphs went to different tasks


def header_uses(headers: list[Row]) -> list[CellUse]:
    """The table's header rows, the repeated ones too: read for the layout, stored nowhere."""
    return [
        CellUse(row.origin, column, cell_text(cell), Use.HEADER)
        for row in headers
        for column, cell in enumerate(row.cells)
        if cell_text(cell)
    ]
