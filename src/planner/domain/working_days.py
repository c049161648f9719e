"""Ngày làm việc: the national working-day rules, and a province's own days on top of them.

The domain is given the national rules (see `planner.application.vietnam_calendar`, which takes
them from the maintained `holidays` package: holidays, days in lieu and the Saturdays worked to
make up for a bridge day, ngày làm bù) and the province's recorded days as a `ProvinceDays`
value; it never reads a hand-written list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from planner.domain.errors import InvalidValue
from planner.domain.text import clean

_WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_IN_WORKING_DAYS = re.compile(r"(\d{1,3})\s+ngày\s+làm\s+việc")


class NationalRules(Protocol):
    """The country's calendar for any year asked: holiday names and which days offices work
    (weekends, holidays, days in lieu, ngày làm bù)."""

    def get(self, day: date) -> str | None: ...

    def is_working_day(self, day: date) -> bool: ...


@dataclass(frozen=True)
class FixedHolidays:
    """National rules from a plain list of holidays: Monday to Friday, except those days."""

    holidays: Mapping[date, str]

    def get(self, day: date) -> str | None:
        return self.holidays.get(day)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays


@dataclass(frozen=True)
class ProvinceDays:
    """A province's own days off and its own extra working days, each with its reason."""

    days_off: Mapping[date, str] = field(default_factory=dict)
    working_days: Mapping[date, str] = field(default_factory=dict)

    def with_days_off(self, more: Mapping[date, str]) -> ProvinceDays:
        return ProvinceDays({**more, **self.days_off}, self.working_days)


class WorkingCalendar:
    """Which days offices work; deadlines in working days are counted on it."""

    def __init__(self, national: NationalRules, province: ProvinceDays | None = None) -> None:
        self._national = national
        self._province = province or ProvinceDays()
        self._known: dict[date, str | None] = {}

    def day_off(self, day: date) -> str | None:
        """Why `day` is not a working day (the holiday's name or the weekday), or None."""
        # Reminders of many deadlines ask about the same days over and over.
        if day not in self._known:
            self._known[day] = self._why_off(day)
        return self._known[day]

    def _why_off(self, day: date) -> str | None:
        if day in self._province.working_days:
            return None
        if own := self._province.days_off.get(day):
            return own
        if self._national.is_working_day(day):
            return None
        return str(self._national.get(day) or _WEEKDAY_NAMES[day.weekday()])

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

    def working_days_before(self, end: date, days: int) -> date:
        """The `days`-th working day before `end` (a coordinating body's internal deadline)."""
        day = end
        for _ in range(days):
            day = self.on_or_before(day - timedelta(days=1))
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
