"""Links to a plan's reports from the pages: this quarter, the quarter before, the year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode
from uuid import UUID

from planner.presentation.vietnamese import format_date
from planner.queries.basis import Basis
from planner.queries.plans import PlanView
from planner.reports.delivery import ReportFormat
from planner.reports.periods import ReportPeriod


@dataclass(frozen=True)
class ReportLink:
    label: str
    as_of: str  # dd/mm/yyyy, or "" for the report's own default (today, or the period's end)
    hrefs: dict[str, str]


def report_links(
    plan: PlanView, day: date, chosen: bool, basis: Basis = Basis.CURRENT
) -> list[ReportLink]:
    """Reports of the periods around `day`, within the plan's year (a 2019 plan read in 2026
    is reported on 2019); as of `day` (or a period's end) when the reader chose the day, in
    the reading of that day the page shows."""
    day = min(day, date(plan.year, 12, 31))
    quarter = ReportPeriod.of_quarter(day.year, (day.month - 1) // 3 + 1)
    periods = (quarter, quarter.previous, ReportPeriod.of_year(day.year))
    return [_link(plan.plan_id, p, min(day, p.ends_on) if chosen else None, basis) for p in periods]


def report_path(
    plan_id: UUID,
    period: ReportPeriod,
    fmt: ReportFormat,
    as_of: date | None,
    basis: Basis = Basis.CURRENT,
) -> str:
    query = {"format": fmt.value, **({"on": format_date(as_of)} if as_of else {})}
    if basis is not Basis.CURRENT:
        query["basis"] = basis.value
    return f"/plans/{plan_id}/reports/{period.key}?{urlencode(query)}"


def _link(plan_id: UUID, period: ReportPeriod, as_of: date | None, basis: Basis) -> ReportLink:
    hrefs = {fmt.value: report_path(plan_id, period, fmt, as_of, basis) for fmt in ReportFormat}
    return ReportLink(period.label, format_date(as_of) if as_of else "", hrefs)
