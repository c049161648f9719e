"""Text in spreadsheets stays text: a task that reads "=HYPERLINK(...)" must not become a formula.

CSV cells are escaped as OWASP recommends for CSV injection: a cell that starts with `=`, `+`,
`-`, `@`, a tab or a carriage return gets a leading apostrophe, which spreadsheets read as "this
is text". Only text from people and documents is escaped; figures planner writes itself ("+2",
"-1,5") are not.
"""

from __future__ import annotations

from planner.reports.cell_text import cell_text
from planner.reports.tables import Kind, Value

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_cell(value: Value, kind: Kind) -> str:
    """A table cell for CSV: people's text escaped, planner's own figures as they are."""
    if isinstance(value, str):
        return csv_text(value)
    return cell_text(value, kind)
