"""Kế hoạch: the list of plans, and a plan's criteria tree with the tasks under each criterion."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from api.dependencies import PageUser, SignedIn, WebDep, page_user
from api.pages.templating import render
from api.reports.links import ReportLink, report_links
from api.visible_objects import plan_of
from planner.application.clock import SystemClock, today
from planner.domain.dates import parse_day
from planner.domain.visibility import may_see_task
from planner.queries.plans import PlanView
from planner.queries.tasks import TaskView

router = APIRouter(include_in_schema=False)


@router.get("/plans", dependencies=[Depends(page_user)])
def plans(request: Request, web: WebDep) -> Response:
    return render(request, "plans.html", {"plans": web.planner.views.plans()})


@router.get("/plans/{plan_id}")
def plan_page(
    request: Request,
    plan_id: UUID,
    web: WebDep,
    signed: PageUser,
    on: Annotated[str, Query(max_length=10)] = "",
) -> Response:
    """Every criterion the plan lists; an agency sees only the tasks it leads or coordinates.
    Sở Nội vụ also gets the reports of the periods around `on` (today when empty)."""
    views = web.planner.views
    plan = plan_of(web, plan_id)
    tasks = [t for t in views.tasks(plan_id) if may_see_task(signed.actor, t.lead, t.coordinating)]
    lines = views.score_board(plan_id)
    by_criterion: dict[str, list[TaskView]] = defaultdict(list)
    for task in tasks:
        for criterion in task.criteria:
            by_criterion[criterion].append(task)
    listed = {f"{line.index}:{line.code}" for line in lines}
    others = [t for t in tasks if not listed & set(t.criteria)]
    return render(
        request,
        "plan.html",
        {
            "plan": plan,
            "lines": lines,
            "tasks_by_criterion": by_criterion,
            "other_tasks": others,
            "names": {a.code: a.name for a in views.agencies()},
            "reports": _reports(signed, plan, on),
        },
    )


def _reports(signed: SignedIn, plan: PlanView, on: str) -> list[ReportLink]:
    """Reports show every agency's work, so only those who see every task get the links."""
    if not (signed.actor.oversees or signed.actor.administers):
        return []
    day = parse_day(on, where="Ngày xét") if on else today(SystemClock())
    return report_links(plan, day, chosen=bool(on))
