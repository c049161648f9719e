"""/api/tasks: list, add, and every change an agency or Sở Nội vụ makes to a task."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, UploadFile

from api.dependencies import ApiUser, SignedIn, Web, WebDep, api_user
from api.json_api import answers, models
from api.json_api.evidence import evidence_of
from api.json_api.list_orders import by_version
from api.json_api.paging import Page, bad_cursor, paged, window
from api.one_thread_route import OneThreadRoute
from api.uploads import chunks
from api.visible_objects import agency_filter, plan_of, require_sight, visible_task
from planner.application.clock import SystemClock, today
from planner.domain.criterion import CriterionRef
from planner.domain.schedule_text import read_schedule
from planner.domain.visibility import sees_every_task
from planner.queries.tasks import TaskKey, TaskView


def task_answer(web: Web, signed: SignedIn, task_id: UUID) -> answers.OneTask:
    """The task as `planner task show --json` prints it."""
    return answers.OneTask(task=visible_task(web, signed, task_id))


router = APIRouter(
    route_class=OneThreadRoute, prefix="/api", tags=["tasks"], dependencies=[Depends(api_user)]
)


@router.get(
    "/tasks",
    summary="Nhiệm vụ (của cơ quan mình, hoặc mọi nhiệm vụ với Sở Nội vụ)",
    description="Theo số hiệu kế hoạch, số thứ tự rồi mã nhiệm vụ; từng trang (`limit`, `after`).",
)
def list_tasks(
    web: WebDep,
    signed: ApiUser,
    page: Page,
    plan_id: UUID | None = None,
    agency: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,31}$")] = None,
) -> answers.TaskPage:
    code = agency_filter(web, agency)
    wanted: set[str] | None = {code} if code else None
    if not sees_every_task(signed.actor):
        own = {signed.actor.agency, *signed.actor.represents}
        wanted = own & wanted if wanted else own
    after = _task_key(page.after) if page.after else None
    found = web.planner.views.task_page(plan_id, wanted, after, page.limit + 1)
    tasks, next_cursor = window(found, _key_of, page.limit)
    return answers.TaskPage(tasks=tasks, next=next_cursor)


def _key_of(task: TaskView) -> tuple[str, str, str]:
    return (task.plan_number, task.reference, str(task.task_id))


def _task_key(key: tuple[object, ...]) -> TaskKey:
    match key:
        case (str(number), str(reference), str(task_id)):
            try:
                return (number, reference, UUID(task_id))
            except ValueError:
                pass
    raise bad_cursor()


@router.post("/tasks", status_code=201, summary="Thêm nhiệm vụ vào kế hoạch (Sở Nội vụ)")
def add_task(body: models.NewTask, web: WebDep, signed: ApiUser) -> answers.AddedTask:
    planner = web.planner
    plan = plan_of(web, body.plan_id)
    reading = read_schedule(body.schedule, plan.year, plan.issued_on)
    task_id = planner.tasks.add(
        body.plan_id,
        reference=body.reference,
        text=body.text,
        criteria=tuple(CriterionRef.parse(c) for c in body.criteria),
        lead=body.lead,
        coordinating=body.coordinating,
        schedule=reading.schedule,
        expected_output=body.expected_output,
        actor=signed.actor,
        effective_on=body.effective_on,
    )
    task = visible_task(web, signed, task_id)
    return answers.AddedTask(task=task, warning=reading.warning or None)


@router.get("/tasks/{task_id}", summary="Một nhiệm vụ và các kỳ của nó")
def get_task(task_id: UUID, web: WebDep, signed: ApiUser) -> answers.OneTask:
    return task_answer(web, signed, task_id)


@router.get("/tasks/{task_id}/history", summary="Lịch sử thay đổi của nhiệm vụ")
def task_history(task_id: UUID, web: WebDep, signed: ApiUser, page: Page) -> answers.History:
    require_sight(web, signed, task_id)
    entries, next_cursor = paged(web.planner.views.history(task_id), by_version, page)
    return answers.History(aggregate_id=task_id, entries=entries, next=next_cursor)


@router.post("/tasks/{task_id}/start", summary="Bắt đầu thực hiện")
def start(task_id: UUID, body: models.Start, web: WebDep, signed: ApiUser) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.start(
        task_id, body.occurrence, signed.actor, body.expected_version, **body.on_part()
    )
    return task_answer(web, signed, task_id)


@router.post("/tasks/{task_id}/progress", summary="Báo cáo tiến độ, ghi chú, tài liệu")
def report_progress(
    task_id: UUID, body: models.Progress, web: WebDep, signed: ApiUser
) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.report_progress(
        task_id,
        body.occurrence,
        signed.actor,
        percent=body.percent,
        note=body.note,
        evidence=evidence_of(body.evidence, web.files),
        expected_version=body.expected_version,
        **body.on_part(),
    )
    return task_answer(web, signed, task_id)


@router.post("/tasks/{task_id}/complete", summary="Hoàn thành, kèm tài liệu kiểm chứng")
def complete(task_id: UUID, body: models.Complete, web: WebDep, signed: ApiUser) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.complete(
        task_id,
        body.occurrence,
        signed.actor,
        note=body.note,
        evidence=evidence_of(body.evidence, web.files),
        expected_version=body.expected_version,
        **body.on_part(),
    )
    return task_answer(web, signed, task_id)


@router.post("/tasks/{task_id}/block", summary="Báo vướng mắc")
def block(
    task_id: UUID, body: models.PartWithReason, web: WebDep, signed: ApiUser
) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.block(
        task_id, body.occurrence, body.reason, signed.actor, body.expected_version, **body.on_part()
    )
    return task_answer(web, signed, task_id)


@router.post("/tasks/{task_id}/unblock", summary="Gỡ vướng mắc")
def unblock(task_id: UUID, body: models.Unblock, web: WebDep, signed: ApiUser) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.unblock(
        task_id, body.occurrence, body.note, signed.actor, body.expected_version, **body.on_part()
    )
    return task_answer(web, signed, task_id)


@router.post("/tasks/{task_id}/reopen", summary="Mở lại")
def reopen(
    task_id: UUID, body: models.PartWithReason, web: WebDep, signed: ApiUser
) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.reopen(
        task_id, body.occurrence, body.reason, signed.actor, body.expected_version, **body.on_part()
    )
    return task_answer(web, signed, task_id)


@router.post("/tasks/{task_id}/cancel", summary="Hủy nhiệm vụ hoặc một kỳ (Sở Nội vụ)")
def cancel(task_id: UUID, body: models.WithReason, web: WebDep, signed: ApiUser) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.cancel(
        task_id, body.occurrence, body.reason, signed.actor, body.expected_version, **body.dated()
    )
    return task_answer(web, signed, task_id)


@router.post("/tasks/{task_id}/deadline", summary="Điều chỉnh thời hạn (Sở Nội vụ)")
def change_deadline(
    task_id: UUID, body: models.Deadline, web: WebDep, signed: ApiUser
) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.change_deadline(
        task_id,
        body.occurrence,
        body.due_on,
        body.reason,
        signed.actor,
        body.expected_version,
        **body.dated(),
    )
    return task_answer(web, signed, task_id)


@router.post("/tasks/{task_id}/reassign", summary="Giao lại cơ quan chủ trì, phối hợp (Sở Nội vụ)")
def reassign(task_id: UUID, body: models.Reassign, web: WebDep, signed: ApiUser) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.reassign(
        task_id,
        body.lead,
        body.coordinating,
        body.reason,
        signed.actor,
        body.expected_version,
        effective_on=body.effective_on,
        because=body.backdated_because,
    )
    return task_answer(web, signed, task_id)


@router.post("/tasks/{task_id}/extension", summary="Xin gia hạn (cơ quan chủ trì)")
def request_extension(
    task_id: UUID, body: models.ExtensionRequest, web: WebDep, signed: ApiUser
) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.request_extension(
        task_id, body.occurrence, body.to, body.reason, signed.actor, body.expected_version
    )
    return task_answer(web, signed, task_id)


@router.post(
    "/tasks/{task_id}/extension/decision", summary="Quyết định đề nghị gia hạn (Sở Nội vụ)"
)
def decide_extension(
    task_id: UUID, body: models.ExtensionDecision, web: WebDep, signed: ApiUser
) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.decide_extension(
        task_id,
        body.occurrence,
        body.approved,
        body.reason,
        signed.actor,
        body.expected_version,
        **body.dated(),
    )
    return task_answer(web, signed, task_id)


@router.post("/files", status_code=201, tags=["evidence"], summary="Tải lên tệp kiểm chứng")
def upload(file: UploadFile, web: WebDep) -> answers.UploadedFile:
    """Returns the file's reference, to name in `evidence[].file` of progress or completion."""
    reference = web.files.store(chunks(file), file.filename or "tep")
    return answers.UploadedFile(file=reference, name=file.filename or "")


@router.post(
    "/tasks/{task_id}/not-applicable",
    summary="Đánh dấu phần việc của nhiều cơ quan không áp dụng, hoặc áp dụng lại (Sở Nội vụ)",
)
def not_applicable(
    task_id: UUID, body: models.NotApplicable, web: WebDep, signed: ApiUser
) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.mark_not_applicable(
        task_id,
        tuple(body.occurrences),
        body.bodies,
        body.reason,
        signed.actor,
        applicable=body.applicable,
        expected_version=body.expected_version,
    )
    return task_answer(web, signed, task_id)


@router.post(
    "/tasks/{task_id}/parts-extension",
    summary="Gia hạn phần việc cho một số cơ quan, trong một lần (Sở Nội vụ)",
)
def extend_parts(
    task_id: UUID, body: models.PartsExtension, web: WebDep, signed: ApiUser
) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.extend_parts(
        task_id,
        tuple(body.occurrences),
        body.bodies,
        body.to,
        body.reason,
        signed.actor,
        expected_version=body.expected_version,
        effective_on=body.effective_on,
        because=body.backdated_because,
    )
    return task_answer(web, signed, task_id)


@router.post("/tasks/{task_id}/input", summary="Đã gửi ý kiến/số liệu (cơ quan phối hợp)")
def send_input(task_id: UUID, body: models.Input, web: WebDep, signed: ApiUser) -> answers.OneTask:
    require_sight(web, signed, task_id)
    web.planner.tasks.send_input(
        task_id,
        body.occurrence,
        signed.actor,
        note=body.note,
        evidence=evidence_of(body.evidence, web.files),
        body=body.body,
        expected_version=body.expected_version,
        **body.dated(),
    )
    return task_answer(web, signed, task_id)


@router.get("/tasks/{task_id}/inputs", summary="Ý kiến, số liệu phối hợp của một nhiệm vụ")
def task_inputs(task_id: UUID, web: WebDep, signed: ApiUser) -> answers.TaskInputs:
    require_sight(web, signed, task_id)
    calendar = web.planner.calendar.calendar()
    owed = web.planner.views.inputs(today(SystemClock()), calendar, task_id)
    return answers.TaskInputs(task_id=task_id, inputs=owed)
