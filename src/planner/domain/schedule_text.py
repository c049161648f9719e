"""Reads the timeframe wording of the plans ("Quý III-IV/2023", "Thường xuyên"...) as a Schedule.

What cannot be read as a date stays a schedule without a date, with a warning; a date that
does not exist (31/02/2023) is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from planner.domain.dates import make_date
from planner.domain.schedule import Period, Recurrence, Schedule, clamp_day, last_day
from planner.domain.text import clean

_DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# The year may be left out ("Quý II", "Tháng 6"): the plan's own year is meant.
_QUARTERS = re.compile(
    r"quý\s+((?:(?:iv|iii|ii|i|[1-4])\b\s*(?:[-–,]|và)?\s*)+)(?:\s*(?:/|năm)\s*(\d{4}))?"
)
_MONTHS = re.compile(
    r"(từ|hết|trước|trong|đến)?\s*tháng\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?"
    r"(?:\s*(?:/|năm)\s*(\d{4}))?(?![\d/])"
)
_FIRST_MONTHS = re.compile(r"(\d{1,2})\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?")
_WORDED_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?")
_YEARS = re.compile(r"năm\s+(\d{4})(?:\s*[-–]\s*(\d{4}))?|^((?:19|20)\d{2})(?:\s*[-–]\s*(\d{4}))?$")
_QUARTERLY = re.compile(
    r"(?:ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:của\s+)?(?:mỗi\s+)?quý|hàng quý|hằng quý)"
)
_MONTHLY = re.compile(r"(?:ngày\s+(\d{1,2})\s+)?(?:hàng|hằng|mỗi)\s+tháng")
_YEARLY = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s+(?:hàng|hằng|mỗi)\s+năm")
_DAY_MONTH = re.compile(r"(?:trước|chậm nhất|hạn)\s+(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?!\s*/)")
# "Tháng 4/2024 - Tháng 10/2024", "Từ tháng 4 đến tháng 10/2024": where a month range ends.
_MONTH_END = re.compile(
    r"\s*(?:[-–]|đến)\s*(?:hết\s+)?(?:tháng\s+)?(\d{1,2})(?:\s*(?:/|năm)\s*(\d{4}))?(?![\d/])"
)
_DATE_RANGE = re.compile(r"\d{4}\s*(?:[-–]|đến)\s*(?:ngày\s+)?\d{1,2}\s*/")
_WHOLE_YEAR = ("trong năm", "cả năm", "trong cả năm")
_ONGOING = ("thường xuyên", "liên tục", "hàng ngày", "hằng ngày")
_RANGE_WORDS = re.compile(r"\btừ\b")


@dataclass(frozen=True)
class ScheduleReading:
    schedule: Schedule
    warning: str | None = None


def read_schedule(
    text: str, year: int | None = None, issued_on: date | None = None
) -> ScheduleReading:
    """Read a timeframe cell; `year` is the plan's year, used when the wording omits it.

    A recurring rule starts with the plan: a plan issued in June has no first-quarter report.
    """
    original = clean(text)
    words = _WORDED_DATE.sub(_numeric_date, original.casefold())
    for reader in (_recurring, _dated, _periods):
        schedule = reader(original, words, year)
        if schedule is not None:
            if schedule.is_recurring and issued_on is not None:
                schedule = replace(schedule, starts_on=issued_on)
            return ScheduleReading(schedule)
    if words.startswith(_ONGOING):
        return ScheduleReading(Schedule.ongoing(original))
    warning = (
        f"thời gian '{original}' không có ngày cụ thể: nhiệm vụ không có hạn, sẽ không được nhắc"
        if original
        else "không ghi thời gian thực hiện: nhiệm vụ không có hạn"
    )
    return ScheduleReading(Schedule.undated(original), warning)


def _numeric_date(match: re.Match[str]) -> str:
    """'ngày 12 tháng 6 năm 2023' reads as 'ngày 12/6/2023'."""
    day, month, year = match.groups()
    return f"ngày {day}/{month}" + (f"/{year}" if year else "")


def _recurring(original: str, words: str, year: int | None) -> Schedule | None:
    years = [int(found[2]) for found in _DATE.findall(words)] or ([year] if year else [])
    first, last = (min(years), max(years)) if years else (None, None)
    if match := _QUARTERLY.search(words):
        day = int(match.group(1)) if match.group(1) else 0
        return Schedule.recurring(original, Recurrence(Period.QUARTER, day), first, last)
    if match := _YEARLY.search(words):
        rule = Recurrence(Period.YEAR, int(match.group(1)), int(match.group(2)))
        make_date(2000, rule.month or 1, rule.day, where=f"thời gian '{original}'")
        return Schedule.recurring(original, rule, year, None)
    if match := _MONTHLY.search(words):
        day = int(match.group(1)) if match.group(1) else 0
        return Schedule.recurring(original, Recurrence(Period.MONTH, day), first, last)
    return None


def _dated(original: str, words: str, year: int | None) -> Schedule | None:
    where = f"thời gian '{original}'"
    dates = [make_date(int(y), int(m), int(d), where=where) for d, m, y in _DATE.findall(words)]
    if not dates:
        match = _DAY_MONTH.search(words)
        if match is None or year is None:
            return None
        dates = [make_date(year, int(match.group(2)), int(match.group(1)), where=where)]
    starts_with_from = bool(_RANGE_WORDS.match(words))
    if len(dates) >= 2 and (starts_with_from or _DATE_RANGE.search(words)):
        return Schedule.window(original, min(dates), max(dates))
    if starts_with_from:
        return Schedule.ongoing(original, starts_on=dates[0])
    return Schedule.due(original, max(dates))


def _periods(original: str, words: str, year: int | None) -> Schedule | None:
    if (match := _QUARTERS.search(words)) and (match.group(2) or year):
        quarters = [_ROMAN_QUARTERS[q] for q in re.findall(r"iv|iii|ii|i|[1-4]", match.group(1))]
        y = int(match.group(2) or year or 0)
        start, end = min(quarters), max(quarters)
        return Schedule.window(original, date(y, start * 3 - 2, 1), clamp_day(y, end * 3, 0))
    if (match := _FIRST_MONTHS.search(words)) and (match.group(3) or year):
        count, half, y = int(match.group(1)), match.group(2), int(match.group(3) or year or 0)
        first_month = 1 if half == "đầu" else 13 - count
        last_month = count if half == "đầu" else 12
        return Schedule.window(original, date(y, first_month, 1), clamp_day(y, last_month, 0))
    if (match := _MONTHS.search(words)) and (match.group(4) or year):
        return _months(original, match, _MONTH_END.match(words, match.end()), year)
    if match := _YEARS.search(words.strip(" .")):
        start_year = int(match.group(1) or match.group(3))
        end_year = int(match.group(2) or match.group(4) or start_year)
        return Schedule.window(original, date(start_year, 1, 1), date(end_year, 12, 31))
    if words.strip(" .") in _WHOLE_YEAR and year:
        return Schedule.window(original, date(year, 1, 1), date(year, 12, 31))
    if words.startswith(("từ tháng", "từ năm")) and year:
        return Schedule.ongoing(original, starts_on=date(year, 1, 1))
    return None


def _months(
    original: str, match: re.Match[str], until: re.Match[str] | None, year: int | None
) -> Schedule:
    """One month or a range of months; `until` is where a range ends, when written apart."""
    where = f"thời gian '{original}'"
    lead, first, last = match.group(1), int(match.group(2)), match.group(3)
    end_year = int((until.group(2) if until else None) or match.group(4) or year or 0)
    y = int(match.group(4) or end_year)
    if not match.group(4) and until is not None and int(match.group(2)) > int(until.group(1)):
        y -= 1  # "Tháng 11 - tháng 02/2025" starts in 2024
    last_month = int(until.group(1)) if until else int(last) if last else first
    make_date(y, first, 1, where=where)
    make_date(end_year, last_month, 1, where=where)
    end = date(end_year, last_month, last_day(end_year, last_month))
    if until is not None:
        return Schedule.window(original, date(y, first, 1), end)
    if lead == "từ":
        return Schedule.ongoing(original, starts_on=date(y, first, 1))
    if lead in ("hết", "trước", "đến"):
        return Schedule.due(original, end)
    return Schedule.window(original, date(y, first, 1), end)
