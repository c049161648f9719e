"""Where the cells of a criteria framework (Bộ tiêu chí) go: its criteria and its sections.

A framework's table holds criteria only — codes, names, points, how each is scored — so every
cell belongs to the criterion of its row, or to the section a section row opens.
"""

from __future__ import annotations

from planner.importer.headers import Layout
from planner.importer.ledger import CellUse, Use
from planner.importer.table_rows import RowKind, TableRow

_SECTIONS = (RowKind.SECTION, RowKind.SECTION_NAME)


def framework_cells(layout: Layout, rows: list[TableRow]) -> list[CellUse]:
    uses: list[CellUse] = []
    for row in rows:
        for column in layout.columns:
            text = row.text(column)
            if not text:
                continue
            if row.kind in _SECTIONS:
                name = row.name or (row.section.rest if row.section else "") or text
                uses.append(CellUse(row.origin, column.position, text, Use.HEADING, name))
            else:
                key = str(row.code or row.number)
                uses.append(CellUse(row.origin, column.position, text, Use.CRITERION, key))
    return uses
