"""Reading rendered reports back as a person's spreadsheet program would."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import load_workbook

HEADING_ROW = 5


def workbook_sheets(content: bytes) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's rows of values, from the first row."""
    workbook = load_workbook(io.BytesIO(content))
    return {
        sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }


def table_rows(content: bytes, sheet: str) -> dict[str, tuple[Any, ...]]:
    """A sheet's table rows by their first cell (a criterion's code; "" for the index total)."""
    rows = workbook_sheets(content)[sheet]
    body = rows[HEADING_ROW:]
    return {str(row[0] or ""): row for row in body if any(v is not None for v in row[1:])}


def headings(content: bytes, sheet: str) -> tuple[Any, ...]:
    return workbook_sheets(content)[sheet][HEADING_ROW - 1]


def csv_lines(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 byte-order mark"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
