"""/api/reminders/preview: what the reminder service would send on a day, sending nothing."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query

from api.days import Day
from api.dependencies import ApiUser, WebDep, api_user, require_monitor
from api.json_api import answers
from api.json_api.reminder_preview import ReminderPreview
from api.one_thread_route import OneThreadRoute
from api.visible_objects import require_sight
from planner.presentation.outbox_document import outbox_json

router = APIRouter(
    route_class=OneThreadRoute, prefix="/api", tags=["reminders"], dependencies=[Depends(api_user)]
)


@router.get(
    "/reminders/preview",
    summary="Thư nhắc hạn và báo cáo sẽ gửi trong một ngày",
    response_model_exclude_unset=True,
)
def preview(
    web: WebDep,
    signed: ApiUser,
    on: Annotated[Day | None, Query(description="Ngày gửi (ISO 8601); bỏ trống: hôm nay")] = None,
) -> ReminderPreview:
    """The object `planner reminders preview --json` prints; Sở Nội vụ and administrators only."""
    require_monitor(signed)
    service = web.reminders
    outbox = service.outbox(on or service.today())
    return ReminderPreview.model_validate(outbox_json(outbox, service.emails(outbox)))


@router.post(
    "/tasks/{task_id}/remind-late",
    summary="Nhắc ngay các cơ quan còn chậm phần việc của một nhiệm vụ (Sở Nội vụ)",
)
def remind_late(task_id: UUID, web: WebDep, signed: ApiUser) -> answers.LateReminders:
    """One e-mail to each body whose own part is late; none twice on one day."""
    require_monitor(signed)
    require_sight(web, signed, task_id)
    deliveries = web.reminders.remind_late_now(task_id, signed.actor)
    return answers.LateReminders(
        sent=[d.recipient for d in deliveries if d.error is None],
        failed={d.recipient: d.error for d in deliveries if d.error is not None},
    )
