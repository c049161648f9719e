"""Nhiệm vụ của tôi, the task page with its full history, its forms, and evidence files."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from api.auth.csrf import require_token
from api.dependencies import PageUser, SignedIn, WebDep
from api.errors import status_of
from api.pages.login_pages import safe_next
from api.pages.task_forms import ACTIONS, ActionForm
from api.pages.task_sheet import my_rows, task_sheet
from api.pages.templating import render
from api.visible_objects import require_sight
from planner.application.clock import SystemClock, today
from planner.application.errors import NotFound
from planner.domain.dates import parse_day
from planner.domain.errors import DomainError

router = APIRouter(include_in_schema=False)

SHOW_WHOLE_PAGE = {"HX-Retarget": "#main", "HX-Reselect": "#main", "HX-Reswap": "outerHTML"}

Action = Annotated[str, Path(pattern="^(" + "|".join(ACTIONS) + ")$")]


@router.get("/my-tasks")
def my_tasks(
    request: Request,
    web: WebDep,
    signed: PageUser,
    on: Annotated[str, Query(max_length=10)] = "",
) -> Response:
    """Every occurrence the user's agency leads or coordinates, open work by due date first;
    days late as of `on` (dd/mm/yyyy; today when empty)."""
    day = parse_day(on, where="Ngày xét") if on else today(SystemClock())
    rows = my_rows(web, signed, day)
    return render(
        request,
        "my_tasks.html",
        {
            "day": day,
            "on": on,
            # A quick change brings back the same day's list.
            "back": f"/my-tasks?{urlencode({'on': on})}" if on else "/my-tasks",
            "open_rows": [r for r in rows if not r.closed],
            "closed_rows": [r for r in rows if r.closed],
            "agency_name": web.planner.views.directory().agencies[signed.actor.agency].name,
        },
    )


@router.get("/tasks/{task_id}")
def task_page(
    request: Request,
    task_id: UUID,
    web: WebDep,
    signed: PageUser,
    before: Annotated[int | None, Query(ge=2, description="Thay đổi cũ hơn phiên bản này")] = None,
) -> Response:
    saved = request.query_params.get("saved", "")
    sheet = task_sheet(web, signed, task_id, before)
    return render(request, "task.html", {**sheet, "saved": saved})


@router.post("/tasks/{task_id}/actions/{action}", dependencies=[Depends(require_token)])
async def task_action(
    request: Request, task_id: UUID, action: Action, web: WebDep, signed: PageUser
) -> Response:
    """Record the change, then show the task again (or the refusal, with nothing recorded)."""
    form = ActionForm(await request.form(), web)
    return await run_in_threadpool(_perform, request, task_id, action, form, signed)


def _perform(
    request: Request, task_id: UUID, action: str, form: ActionForm, signed: SignedIn
) -> Response:
    try:
        require_sight(form.web, signed, task_id)
        ACTIONS[action](form.web, signed, task_id, form)
    except DomainError as error:
        sheet = task_sheet(form.web, signed, task_id)
        context = {**sheet, "error": error.message, "failed": action}
        # A quick change from "Nhiệm vụ của tôi" that is refused shows the task page instead.
        headers = {**SHOW_WHOLE_PAGE, "HX-Push-Url": f"/tasks/{task_id}"}
        return render(request, "task.html", context, status_of(error), headers)
    back = safe_next(form.text("back"))
    return RedirectResponse(back or f"/tasks/{task_id}?saved={action}#history", status_code=303)


@router.get("/tasks/{task_id}/files/{reference}")
def evidence_file(
    task_id: UUID,
    reference: Annotated[str, Path(pattern=r"^[0-9a-f]{64}(\.[a-z0-9]{1,8})?$")],
    web: WebDep,
    signed: PageUser,
) -> Response:
    """A file attached to this task, for those who may see the task."""
    sheet = task_sheet(web, signed, task_id)
    names = {e["file"]: e["name"] for e in sheet["evidence"] if e.get("file")}
    if reference not in names or not web.files.exists(reference):
        raise NotFound(f"nhiệm vụ này không có tệp {reference}")
    suffix = reference.partition(".")[2]
    name = names[reference]
    filename = name if not suffix or name.lower().endswith(f".{suffix}") else f"{name}.{suffix}"
    return FileResponse(web.files.path(reference), filename=filename)
