"""Ngày làm việc: Monday to Friday, except public holidays and their days in lieu.

The domain is given the holidays (see `planner.application.vietnam_calendar`, which takes
them from the maintained `holidays` package), never a hand-written list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Protocol

from planner.domain.errors import InvalidValue
from planner.domain.text import clean

_WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_IN_WORKING_DAYS = re.compile(r"(\d{1,3})\s+ngày\s+làm\s+việc")


class Holidays(Protocol):
    """Public holidays by date, for any year asked: the holiday's name, or None."""

    def get(self, day: date) -> str | None: ...


class WorkingCalendar:
    """Which days offices work; deadlines in working days are counted on it."""

    def __init__(self, holidays: Holidays, days_off: Mapping[date, str] | None = None) -> None:
        self._holidays = holidays
        self._extra = dict(days_off or {})  # a province's own days off
        self._known: dict[date, str | None] = {}

    def day_off(self, day: date) -> str | None:
        """Why `day` is not a working day (the holiday's name or the weekday), or None."""
        # Reminders of many deadlines ask about the same days over and over.
        if day not in self._known:
            self._known[day] = self._why_off(day)
        return self._known[day]

    def _why_off(self, day: date) -> str | None:
        holiday = self._extra.get(day) or self._holidays.get(day)
        if holiday:
            return str(holiday)
        if day.weekday() >= 5:
            return _WEEKDAY_NAMES[day.weekday()]
        return None

    def is_working_day(self, day: date) -> bool:
        return self.day_off(day) is None

    def on_or_after(self, day: date) -> date:
        """`day` itself if offices work that day, else the next working day."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def on_or_before(self, day: date) -> date:
        """`day` itself if offices work that day, else the last working day before it."""
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def add_working_days(self, start: date, days: int) -> date:
        """The `days`-th working day after `start`; the day counting starts from is not counted."""
        if days < 0:
            raise InvalidValue(f"số ngày làm việc phải không âm, không phải {days}")
        day = start
        for _ in range(days):
            day = self.on_or_after(day + timedelta(days=1))
        return day

    def deadline(self, wording: str, start: date) -> date:
        """The due date of "trong thời hạn 05 ngày làm việc" counted from `start`."""
        return self.add_working_days(start, working_days_in(wording))


def working_days_in(wording: str) -> int:
    """How many working days a phrase such as "trong thời hạn 05 ngày làm việc" allows."""
    match = _IN_WORKING_DAYS.search(clean(wording).casefold())
    if match is None:
        raise InvalidValue(f"'{clean(wording)}' không nêu thời hạn theo số ngày làm việc")
    return int(match.group(1))
