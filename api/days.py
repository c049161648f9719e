"""Days a request may name: 2000–2100, as everywhere in planner; others are refused with 422."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator

from planner.domain.dates import FIRST_DAY, LAST_DAY


def _within_range(day: date) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        # pydantic reports a ValueError as the field's error, which the API words in Vietnamese.
        raise ValueError(
            f"ngày {day.day:02d}/{day.month:02d}/{day.year:04d} nằm ngoài khoảng planner nhận "
            f"({FIRST_DAY:%d/%m/%Y} – {LAST_DAY:%d/%m/%Y})"
        )
    return day


Day = Annotated[date, AfterValidator(_within_range)]
