"""Builds a plan's report for a period, from the live views or as of a past day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner.application.clock import today
from planner.application.errors import NotFound
from planner.application.planner import Planner
from planner.domain.errors import InvalidValue
from planner.presentation.vietnamese import format_date
from planner.reports.as_of import Replay
from planner.reports.compose import compose_report
from planner.reports.model import ProgressReport
from planner.reports.periods import ReportPeriod
from planner.reports.results import ResultSource
from planner.reports.scoring_source import ScoringSource
from planner.reports.snapshot import aggregates_of, read_snapshot


def build_report(
    planner: Planner,
    plan_number: str,
    period: ReportPeriod,
    as_of: date | None = None,
    sources: Sequence[ResultSource] | None = None,
    *,
    where: str = "ngày số liệu",
) -> ProgressReport:
    """The report as of the end of `as_of` (by default today, or the period's last day if past).

    Results come from `sources`; by default from the scoring rounds (`ScoringSource`).

    Today's report reads the live views; a past day's report reads views rebuilt from the
    events recorded up to the end of that day, so it is the report generated that day.
    """
    plan = planner.views.plan(plan_number)
    now = today(planner.workspace.clock)
    day = as_of or min(now, period.ends_on)
    _check(day, period, now, where)
    with Replay(planner.store, aggregates_of(planner.views, plan.plan_id)) as replay:
        before = period.previous.ends_on
        previous = read_snapshot(replay.views_at_end_of(before), plan.plan_id, before)
        views = planner.views if day >= now else replay.views_at_end_of(day)
        current = read_snapshot(views, plan.plan_id, day)
    if current is None:
        raise NotFound(f"kế hoạch {plan.number} chưa được đăng ký vào ngày {format_date(day)}")
    chosen = [ScoringSource(planner)] if sources is None else sources
    results = [result for source in chosen for result in source.results(plan.plan_id, day)]
    return compose_report(current, previous, period, results)


def _check(day: date, period: ReportPeriod, now: date, where: str) -> None:
    if day > now:
        raise InvalidValue(
            f"{where}: ngày {format_date(day)} chưa tới (hôm nay là {format_date(now)}); "
            "chỉ lập được báo cáo đến hôm nay"
        )
    if day < period.starts_on:
        raise InvalidValue(
            f"{where}: ngày {format_date(day)} trước khi {period.label} bắt đầu "
            f"({format_date(period.starts_on)})"
        )
