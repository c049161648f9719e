"""Tables: how the report is laid out for XLSX, CSV and HTML alike, like the plans' appendices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

Value = str | int | Decimal | date | None


class Kind(StrEnum):
    """How a column's numbers read: each output shows them its own way."""

    TEXT = "text"
    COUNT = "count"
    POINTS = "points"
    PERCENT = "percent"  # as the plan states it: 85,24%
    RATE = "rate"  # a share planner computes, to one decimal: 33,3%
    CHANGE = "change"  # a signed count: +2
    RATE_CHANGE = "rate_change"  # signed percentage points, to one decimal: +16,6
    DATE = "date"


class Style(StrEnum):
    TOTAL = "total"
    AREA = "area"
    SUMMED = "summed"  # not stated by the plan: summed by planner
    AT_RISK = "at_risk"


@dataclass(frozen=True)
class Column:
    heading: str
    kind: Kind = Kind.TEXT
    width: int = 12  # characters, for spreadsheets


@dataclass(frozen=True)
class Row:
    cells: tuple[Value, ...]
    styles: tuple[Style, ...] = ()


@dataclass(frozen=True)
class Table:
    key: str  # short and unique: names the spreadsheet's sheet
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
