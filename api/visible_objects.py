"""Finding a plan or a task for a request, refusing tasks the signed-in user may not see."""

from __future__ import annotations

from uuid import UUID

from api.dependencies import SignedIn, Web
from api.field_error import FieldInvalid
from planner.application.errors import NotFound
from planner.domain.errors import UnknownAgency
from planner.domain.visibility import require_sight_of_task
from planner.queries.plans import PlanView
from planner.queries.tasks import TaskView


def visible_task(web: Web, signed: SignedIn, task_id: UUID) -> TaskView:
    """The task, if the signed-in user's agency leads or coordinates it (or they oversee)."""
    task = web.planner.views.task(task_id)
    label = task.reference or task.text[:60]
    require_sight_of_task(signed.actor, label, task.lead, task.coordinating)
    return task


def require_sight(web: Web, signed: SignedIn, task_id: UUID) -> None:
    """Refuse, as `visible_task` does, without reading the whole task (a command's answer
    reads it afterwards)."""
    sight = web.planner.views.task_sight(task_id)
    require_sight_of_task(signed.actor, sight.label, sight.lead, sight.coordinating)


def plan_of(web: Web, plan_id: UUID) -> PlanView:
    found = next((p for p in web.planner.views.plans() if p.plan_id == plan_id), None)
    if found is None:
        raise NotFound(f"không có kế hoạch mã {plan_id}")
    return found


def agency_filter(web: Web, code: str | None) -> str | None:
    """The registered agency a query names, or None when it names none; unknown ones are 422."""
    if not code:
        return None
    try:
        return web.planner.views.directory().code(code)
    except UnknownAgency as error:
        raise FieldInvalid(error.message, ["query", "agency"]) from None
