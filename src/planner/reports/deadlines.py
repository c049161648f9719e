"""When Sở Nội vụ reports to UBND tỉnh: each quarter and each year, as the plans word it.

The rules are read from the documents' own words, so the reminder service can schedule the
quarterly report at each `due_on` and attach the report rendered for its `period`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.domain.schedule_text import read_schedule
from planner.reports.periods import ReportPeriod

QUARTERLY_RULE = "Trước ngày 12 tháng cuối quý"
ANNUAL_RULE = "Trước ngày 25/11 hàng năm"


@dataclass(frozen=True)
class ReportingDeadline:
    """The report for `period` is due on `due_on`, by the rule `rule` (the documents' words)."""

    period: ReportPeriod
    due_on: date
    rule: str

    @property
    def report(self) -> str:
        """Which report is due: "quarterly" or "annual"."""
        return "quarterly" if self.period.is_quarter else "annual"


def reporting_deadlines(year: int) -> tuple[ReportingDeadline, ...]:
    """The four quarterly reports and the annual report of `year`, in date order."""
    found = [_deadline(key, due, QUARTERLY_RULE) for key, due in _due_dates(QUARTERLY_RULE, year)]
    found += [_deadline(key, due, ANNUAL_RULE) for key, due in _due_dates(ANNUAL_RULE, year)]
    return tuple(sorted(found, key=lambda d: (d.due_on, d.period.quarter or 5)))


def deadline_for(period: ReportPeriod) -> ReportingDeadline:
    """When the report for a quarter or a year is due."""
    return next(d for d in reporting_deadlines(period.year) if d.period == period)


def _due_dates(rule: str, year: int) -> list[tuple[str, date]]:
    schedule = read_schedule(rule, year).schedule
    return [(o.key, o.due_on) for o in schedule.occurrences(year) if o.due_on is not None]


def _deadline(key: str, due_on: date, rule: str) -> ReportingDeadline:
    year, _, quarter = key.partition("-Q")
    period = ReportPeriod(int(year), int(quarter) if quarter else None)
    return ReportingDeadline(period, due_on, rule)
