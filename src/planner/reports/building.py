"""Builds a plan's report for a period, from the live views or as of a past day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner.application.clock import today
from planner.application.errors import NotFound
from planner.application.planner import Planner
from planner.domain.errors import InvalidValue
from planner.domain.vietnam_time import end_of_day
from planner.presentation.vietnamese import format_date
from planner.queries.basis import Basis
from planner.queries.plans import PlanView
from planner.queries.recorded_since import described_differently_since, registered_at
from planner.reports.as_of import Replay
from planner.reports.compose import compose_report
from planner.reports.model import ProgressReport
from planner.reports.periods import ReportPeriod
from planner.reports.results import ResultSource
from planner.reports.scoring_source import ScoringSource
from planner.reports.snapshot import Snapshot, aggregates_of, read_snapshot


def build_report(
    planner: Planner,
    plan_number: str,
    period: ReportPeriod,
    as_of: date | None = None,
    sources: Sequence[ResultSource] | None = None,
    *,
    where: str = "ngày số liệu",
    basis: Basis = Basis.CURRENT,
) -> ProgressReport:
    """The report as of the end of `as_of` (by default today, or the period's last day if past).

    Results come from `sources`; by default from the scoring rounds (`ScoringSource`).

    Today's report reads the live views. A past day's report "theo số liệu hiện nay" counts
    what had taken effect by the end of that day, whenever it was recorded; one "theo số liệu
    đã ghi nhận" reads views rebuilt from the events recorded up to the end of that day, so it
    is the report generated that day: read from the parts' dated states, or replayed from the
    events when more than states changed since.
    """
    plan = planner.views.plan(plan_number)
    now = today(planner.workspace.clock)
    day = as_of or min(now, period.ends_on)
    _check(day, period, now, where)
    before = period.previous.ends_on
    if basis is Basis.RECORDED:
        previous, current = _as_recorded(planner, plan, before, day, now)
    else:
        previous, current = (
            _in_effect(planner, plan, before, now),
            _in_effect(planner, plan, day, now),
        )
    if current is None:
        raise NotFound(_not_yet(plan, day, basis))
    chosen = [ScoringSource(planner)] if sources is None else sources
    results = [result for source in chosen for result in source.results(plan.plan_id, day)]
    return compose_report(current, previous, period, results, basis)


def _as_recorded(
    planner: Planner, plan: PlanView, before: date, day: date, now: date
) -> tuple[Snapshot | None, Snapshot | None]:
    """The plan as recorded by the end of each day: from the dated states while they tell it all."""
    if before < now and _described_differently(planner, plan, before):
        return _replayed(planner, plan, before, day, now)
    return _recorded(planner, plan, before, now), _recorded(planner, plan, day, now)


def _described_differently(planner: Planner, plan: PlanView, day: date) -> bool:
    with planner.views.engine.connect() as connection:
        return described_differently_since(connection, plan.plan_id, end_of_day(day))


def _recorded(planner: Planner, plan: PlanView, day: date, now: date) -> Snapshot | None:
    if day >= now:
        return read_snapshot(planner.views, plan.plan_id, day)
    with planner.views.engine.connect() as connection:
        registered = registered_at(connection, plan.plan_id)
    if registered is None or registered >= end_of_day(day):
        return None
    return read_snapshot(planner.views, plan.plan_id, day, Basis.RECORDED)


def _replayed(
    planner: Planner, plan: PlanView, before: date, day: date, now: date
) -> tuple[Snapshot | None, Snapshot | None]:
    with Replay(planner.store, aggregates_of(planner.views, plan.plan_id)) as replay:
        previous = read_snapshot(replay.views_at_end_of(before), plan.plan_id, before)
        views = planner.views if day >= now else replay.views_at_end_of(day)
        return previous, read_snapshot(views, plan.plan_id, day)


def _in_effect(planner: Planner, plan: PlanView, day: date, now: date) -> Snapshot | None:
    """The plan as it stands in effect at the end of `day`; None before it was issued."""
    if plan.issued_on is not None and day < plan.issued_on:
        return None
    basis = Basis.CURRENT if day < now else None
    return read_snapshot(planner.views, plan.plan_id, day, basis)


def _not_yet(plan: PlanView, day: date, basis: Basis) -> str:
    if basis is Basis.RECORDED:
        return f"kế hoạch {plan.number} chưa được đăng ký vào ngày {format_date(day)}"
    issued = f" (ban hành ngày {format_date(plan.issued_on)})" if plan.issued_on else ""
    return f"kế hoạch {plan.number} chưa có hiệu lực vào ngày {format_date(day)}{issued}"


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
