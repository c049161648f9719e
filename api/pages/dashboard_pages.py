"""Bảng theo dõi of Sở Nội vụ: overdue work, progress per agency, targets, points at risk."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.dependencies import PageUser, WebDep, require_monitor
from api.pages.charts import progress_bars, target_bars
from api.pages.templating import render
from api.reports.links import report_links
from api.visible_objects import agency_filter
from planner.application.clock import SystemClock, today
from planner.domain.dates import parse_day
from planner.queries.at_risk import CriterionAtRisk
from planner.queries.basis import Basis
from planner.queries.progress import AgencyProgress

router = APIRouter(include_in_schema=False)

UPCOMING_DAYS = 30
OVERDUE_SHOWN = 100  # the most overdue first; a province-wide list can run to thousands


@router.get("/dashboard")
def dashboard(
    request: Request,
    web: WebDep,
    signed: PageUser,
    plan: Annotated[str, Query(max_length=36)] = "",
    agency: Annotated[str, Query(pattern=r"^[A-Za-z0-9_\-]{0,32}$")] = "",
    on: Annotated[str, Query(max_length=10)] = "",
    basis: Basis = Basis.CURRENT,
) -> Response:
    """Filters by plan, agency and day (dd/mm/yyyy; today when empty); a past day is read in
    `basis`, as the reports and the command line read it."""
    require_monitor(signed)
    views = web.planner.views
    day = parse_day(on, where="Ngày xét") if on else today(SystemClock())
    plans = views.plans()
    chosen = next((p for p in plans if str(p.plan_id) == plan), None)
    plan_id: UUID | None = chosen.plan_id if chosen else None
    code = agency_filter(web, agency)
    overdue, overdue_count = views.overdue_counted(day, plan_id, code, OVERDUE_SHOWN, basis)
    progress = views.progress(day, plan_id, basis)
    at_risk = views.points_at_risk(day, plan_id)
    return render(
        request,
        "dashboard.html",
        {
            "day": day,
            "on": on,
            "basis": basis,
            "bases": [(b, b.label(day)) for b in Basis],
            "plans": plans,
            "plan": chosen,
            "agency": code or "",
            "agencies": [a for a in views.agencies() if a.state == "active"],
            "names": {a.code: a.name for a in views.agencies()},
            "overdue": overdue,
            "overdue_count": overdue_count,
            "progress": progress_bars(progress),
            "totals": _totals(progress),
            "targets": target_bars(views.score_board(plan_id)),
            "at_risk": at_risk,
            "points_at_risk": _points(at_risk),
            "upcoming": views.upcoming(day, UPCOMING_DAYS, plan_id, code),
            "upcoming_days": UPCOMING_DAYS,
            "reports": [
                (p, report_links(p, day, chosen=bool(on), basis=basis))
                for p in ([chosen] if chosen else plans)
            ],
        },
    )


def _totals(rows: list[AgencyProgress]) -> dict[str, int]:
    keys = ("total", "completed", "overdue", "blocked", "in_progress", "not_started")
    return {key: sum(getattr(row, key) for row in rows) for key in keys}


def _points(at_risk: list[CriterionAtRisk]) -> dict[str, Decimal]:
    """Max points at risk per index, counting each criterion once."""
    found: dict[str, Decimal] = {}
    for criterion in at_risk:
        if criterion.max_points is not None:
            found[criterion.index] = found.get(criterion.index, Decimal(0)) + criterion.max_points
    return found
