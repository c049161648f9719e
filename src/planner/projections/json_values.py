"""Event values as plain JSON (for the history view and JSON columns)."""

from __future__ import annotations

import dataclasses
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
    if type(value) in _AS_THEY_ARE:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID | CriterionCode | CriterionRef):
        return str(value)
    if isinstance(value, Schedule):
        return schedule_json(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return str(value)


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
