"""Event values as plain JSON (for the history view and JSON columns)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from planner.domain.criterion import CriterionCode, CriterionRef
from planner.domain.schedule import Period, Recurrence, Schedule, ScheduleKind

_AS_THEY_ARE = frozenset({str, int, bool, type(None)})  # exactly these: enums are converted


def plain(value: Any) -> Any:
    """Dates as ISO text, points as decimal text, value objects as dicts or their own text."""
    kind = type(value)
    if kind in _AS_THEY_ARE:
        return value
    conversion = _CONVERSIONS.get(kind)
    if conversion is None:
        conversion = _CONVERSIONS[kind] = _conversion(kind)
    return conversion(value)


# Decided once per type: a rebuild converts every value of two million events.
_CONVERSIONS: dict[type, Callable[[Any], Any]] = {}


def _conversion(kind: type) -> Callable[[Any], Any]:
    """How values of one type become plain JSON."""
    if issubclass(kind, Enum):
        return _enum_value
    if issubclass(kind, datetime | date):
        return _iso_text
    if issubclass(kind, Decimal | UUID | CriterionCode | CriterionRef):
        return str
    if issubclass(kind, Schedule):
        return schedule_json
    if dataclasses.is_dataclass(kind):
        return _fields_of(tuple(field.name for field in dataclasses.fields(kind)))
    if issubclass(kind, list | tuple | set | frozenset):
        return _items
    if issubclass(kind, dict):
        return _entries
    return str


def _enum_value(value: Enum) -> Any:
    return value.value


def _iso_text(value: date) -> str:
    return value.isoformat()


def _fields_of(names: tuple[str, ...]) -> Callable[[Any], dict[str, Any]]:
    def fields(value: Any) -> dict[str, Any]:
        return {name: plain(getattr(value, name)) for name in names}

    return fields


def _items(value: Iterable[Any]) -> list[Any]:
    return [plain(item) for item in value]


def _entries(value: dict[Any, Any]) -> dict[str, Any]:
    return {str(k): plain(v) for k, v in value.items()}


def schedule_json(schedule: Schedule) -> dict[str, Any]:
    recurrence = schedule.recurrence
    return {
        "kind": schedule.kind.value,
        "text": schedule.text,
        "starts_on": plain(schedule.starts_on),
        "due_on": plain(schedule.due_on),
        "recurrence": None
        if recurrence is None
        else {"every": recurrence.every.value, "day": recurrence.day, "month": recurrence.month},
        "first_year": schedule.first_year,
        "last_year": schedule.last_year,
    }


def schedule_from_json(data: dict[str, Any]) -> Schedule:
    """The Schedule that `schedule_json` wrote (plan obligations are stored this way)."""
    rule = data["recurrence"]
    return Schedule(
        ScheduleKind(data["kind"]),
        data["text"],
        starts_on=_date_or_none(data["starts_on"]),
        due_on=_date_or_none(data["due_on"]),
        recurrence=None
        if rule is None
        else Recurrence(Period(rule["every"]), rule["day"], rule["month"]),
        first_year=data["first_year"],
        last_year=data["last_year"],
    )


def _date_or_none(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
