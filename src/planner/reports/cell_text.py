"""A table cell as Vietnamese readers write it: 1,5 điểm, 85,24%, +2, 12/09/2023."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.presentation.vietnamese import format_date, format_number
from planner.reports.tables import Kind, Value


def cell_text(value: Value, kind: Kind) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, date):
        return format_date(value)
    if kind == Kind.PERCENT:
        return f"{format_number(value)}%"
    if kind == Kind.RATE:
        return f"{format_number(value, 1)}%"
    if kind == Kind.CHANGE:
        return _signed(Decimal(value), None)
    if kind == Kind.RATE_CHANGE:
        return _signed(Decimal(value), 1)
    return format_number(value)


def _signed(value: Decimal, places: int | None) -> str:
    """+2, -1,5; no sign for no change."""
    if value == 0:
        return format_number(value, places)
    return ("+" if value > 0 else "-") + format_number(abs(value), places)
