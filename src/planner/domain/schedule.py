"""Thời gian thực hiện / Tiến độ: when a task or obligation is due, with the original wording."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ScheduleKind(StrEnum):
    ONGOING = "ongoing"  # "Thường xuyên", "Từ 01/6/2023": never due
    DUE = "due"  # "Trước ngày 20/6/2023": one due date
    WINDOW = "window"  # "Quý III-IV/2023", "Năm 2023": due at the window's end
    RECURRING = "recurring"  # "Trước ngày 12 tháng cuối quý": one occurrence per period
    UNDATED = "undated"  # "Khi có văn bản chỉ đạo...": no date can be read


class Period(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def clamp_day(year: int, month: int, day: int) -> date:
    """The given day of the month, or the month's last day when day is 0 or too large."""
    end = last_day(year, month)
    return date(year, month, end if day == 0 or day > end else day)


@dataclass(frozen=True)
class Occurrence:
    """One due instance of a schedule; key "" stands for a schedule that is not recurring."""

    key: str
    due_on: date | None


@dataclass(frozen=True)
class Recurrence:
    """A rule such as "day 12 of each quarter's last month" or "25/11 every year"."""

    every: Period
    day: int  # 0 means the last day of the month
    month: int | None = None  # for yearly rules

    def occurrences_in(self, year: int) -> tuple[Occurrence, ...]:
        if self.every is Period.YEAR:
            return (Occurrence(str(year), clamp_day(year, self.month or 12, self.day)),)
        if self.every is Period.QUARTER:
            return tuple(
                Occurrence(f"{year}-Q{q}", clamp_day(year, q * 3, self.day)) for q in range(1, 5)
            )
        return tuple(
            Occurrence(f"{year}-{m:02d}", clamp_day(year, m, self.day)) for m in range(1, 13)
        )


@dataclass(frozen=True)
class Schedule:
    """When something is due; `text` always keeps the document's own words."""

    kind: ScheduleKind
    text: str
    starts_on: date | None = None
    due_on: date | None = None
    recurrence: Recurrence | None = None
    first_year: int | None = None
    last_year: int | None = None  # None with a recurrence: every year, open-ended
    # For a recurrence, `starts_on` leaves out occurrences due before it (the plan's issue date).

    @classmethod
    def ongoing(cls, text: str, starts_on: date | None = None) -> Schedule:
        return cls(ScheduleKind.ONGOING, text, starts_on=starts_on)

    @classmethod
    def due(cls, text: str, due_on: date) -> Schedule:
        return cls(ScheduleKind.DUE, text, due_on=due_on)

    @classmethod
    def window(cls, text: str, starts_on: date, due_on: date) -> Schedule:
        return cls(ScheduleKind.WINDOW, text, starts_on=starts_on, due_on=due_on)

    @classmethod
    def recurring(
        cls, text: str, recurrence: Recurrence, first_year: int | None, last_year: int | None
    ) -> Schedule:
        return cls(
            ScheduleKind.RECURRING,
            text,
            recurrence=recurrence,
            first_year=first_year,
            last_year=last_year,
        )

    @classmethod
    def undated(cls, text: str) -> Schedule:
        return cls(ScheduleKind.UNDATED, text)

    @property
    def is_recurring(self) -> bool:
        return self.recurrence is not None

    def occurrences(self, through_year: int | None = None) -> tuple[Occurrence, ...]:
        """Every occurrence; an open-ended rule is expanded up to `through_year`."""
        first = self.first_year or through_year
        if self.recurrence is None or first is None:
            return (Occurrence("", self.due_on),)
        last = self.last_year if self.last_year is not None else max(through_year or first, first)
        return tuple(
            occurrence
            for year in range(first, last + 1)
            for occurrence in self.recurrence.occurrences_in(year)
            if self.starts_on is None or (occurrence.due_on or self.starts_on) >= self.starts_on
        )
