"""The API's answers: the command line's stable JSON shapes (see README, "JSON outputs")."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from api.web import SignedIn, Web
from planner.application.errors import NotFound
from planner.cli.output import to_json
from planner.domain.visibility import require_sight_of_task
from planner.queries.plans import PlanView
from planner.queries.tasks import TaskView


def visible_task(web: Web, signed: SignedIn, task_id: UUID) -> TaskView:
    """The task, if the signed-in user's agency leads or coordinates it (or they oversee)."""
    task = web.planner.views.task(task_id)
    label = task.reference or task.text[:60]
    require_sight_of_task(signed.actor, label, task.lead, task.coordinating)
    return task


def task_answer(web: Web, signed: SignedIn, task_id: UUID) -> dict[str, Any]:
    return {"task": to_json(visible_task(web, signed, task_id))}


def plan_of(web: Web, plan_id: UUID) -> PlanView:
    found = next((p for p in web.planner.views.plans() if p.plan_id == plan_id), None)
    if found is None:
        raise NotFound(f"không có kế hoạch mã {plan_id}")
    return found
