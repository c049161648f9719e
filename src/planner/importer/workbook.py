"""Excel workbooks (.xlsx): every sheet's rows, in order, as table rows.

Cells merged across rows hold their value in the first row only, as a text export of the
same table does; the reading of tables treats both the same way.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from planner.importer.errors import UnreadableDocument
from planner.importer.source import Block, Gap, Origin, Row, SourceDocument


def read_workbook(data: bytes, name: str) -> SourceDocument:
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UnreadableDocument(
            f"tệp {name} không đọc được như bảng tính .xlsx ({error})"
        ) from None
    blocks: list[Block] = []
    for number, sheet in enumerate(workbook.worksheets, start=1):
        blocks.extend(_sheet_blocks(sheet, number))
    return SourceDocument(name, "xlsx", tuple(blocks))


def _sheet_blocks(sheet: object, number: int) -> list[Block]:
    """The sheet's rows from its first used column: a sheet laid out from column B reads
    like one laid out from column A."""
    part = f"trang tính '{sheet.title}'"  # type: ignore[attr-defined]
    below = _merged_below(sheet)
    rows = [
        tuple(_text(value) for value in values)
        for values in sheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    ]
    margin = min((_first_used(cells) for cells in rows if any(cells)), default=0)
    blocks: list[Block] = []
    for row_number, values in enumerate(rows, start=1):
        origin = Origin(row_number, part, "hàng")
        cells = values[margin:]
        while cells and not cells[-1]:
            cells = cells[:-1]
        merged = frozenset(c - margin for c in below.get(row_number, ()) if c >= margin)
        blocks.append(Row(cells, origin, number, merged) if cells else Gap(origin))
    return blocks


def _first_used(cells: tuple[str, ...]) -> int:
    return next(position for position, cell in enumerate(cells) if cell)


def _merged_below(sheet: object) -> dict[int, set[int]]:
    """Per row, the columns (0-based) whose cell continues a cell merged down from above."""
    found: dict[int, set[int]] = {}
    for merged in sheet.merged_cells.ranges:  # type: ignore[attr-defined]
        for row in range(merged.min_row + 1, merged.max_row + 1):
            found.setdefault(row, set()).update(range(merged.min_col - 1, merged.max_col))
    return found


def _text(value: object) -> str:
    """Numbers as the document would write them (2, 1.5), dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
