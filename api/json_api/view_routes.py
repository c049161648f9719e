"""/api/overdue, /api/progress, /api/scores, /api/history: what Sở Nội vụ watches."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query

from api.days import Day
from api.dependencies import ApiUser, WebDep, api_user, require_monitor
from api.json_api import answers
from api.json_api.list_orders import (
    by_agency_and_plan,
    by_version,
    least_done_first,
    longest_late_first,
)
from api.json_api.paging import Page, paged
from api.one_thread_route import OneThreadRoute
from api.visible_objects import agency_filter, plan_of, require_sight
from planner.application.clock import SystemClock, today
from planner.application.errors import NotFound
from planner.domain.visibility import sees_every_task
from planner.queries.basis import Basis

router = APIRouter(
    route_class=OneThreadRoute, prefix="/api", tags=["views"], dependencies=[Depends(api_user)]
)

AgencyFilter = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,31}$")]
On = Annotated[Day | None, Query(description="Ngày xét (ISO 8601); bỏ trống: hôm nay")]
BasisQuery = Annotated[
    Basis,
    Query(
        description="Cho ngày đã qua: current (theo số liệu hiện nay: những gì đã có hiệu lực "
        "đến hết ngày đó) hoặc recorded (theo số liệu đã ghi nhận đến hết ngày đó)"
    ),
]


@router.get("/overdue", summary="Nhiệm vụ quá hạn vào một ngày, quá hạn lâu nhất trước")
def overdue(
    web: WebDep,
    signed: ApiUser,
    page: Page,
    on: On = None,
    plan_id: UUID | None = None,
    agency: AgencyFilter = None,
    basis: BasisQuery = Basis.CURRENT,
) -> answers.Overdue:
    """Agency staff see only the work their agency carries; Sở Nội vụ sees the province."""
    day = on or today(SystemClock())
    plan = plan_of(web, plan_id) if plan_id else None
    wanted = agency_filter(web, agency)
    if not sees_every_task(signed.actor):
        wanted = signed.actor.agency
    items = web.planner.views.overdue(day, plan_id, wanted, basis=basis)
    found, next_cursor = paged(items, longest_late_first, page)
    number = plan.number if plan else None
    return answers.Overdue(
        on=day, basis=basis, plan=number, count=len(items), items=found, next=next_cursor
    )


@router.get("/progress", summary="Tiến độ theo cơ quan chủ trì và kế hoạch")
def progress(
    web: WebDep,
    page: Page,
    on: On = None,
    plan_id: UUID | None = None,
    basis: BasisQuery = Basis.CURRENT,
) -> answers.ProgressByAgency:
    day = on or today(SystemClock())
    plan = plan_of(web, plan_id) if plan_id else None
    rows = web.planner.views.progress(day, plan_id, basis)
    found, next_cursor = paged(rows, least_done_first, page)
    number = plan.number if plan else None
    return answers.ProgressByAgency(
        on=day, basis=basis, plan=number, agencies=found, next=next_cursor
    )


@router.get("/scores", summary="Bảng điểm: tối đa, năm trước, mục tiêu, kết quả, còn thiếu")
def scores(web: WebDep, plan_id: UUID | None = None) -> answers.Scores:
    """The board is one document per plan (the criteria tree in order), not paged."""
    plan = plan_of(web, plan_id) if plan_id else None
    lines = web.planner.views.score_board(plan_id)
    return answers.Scores(plan=plan.number if plan else None, lines=lines)


@router.get("/history/{aggregate_id}", summary="Lịch sử một nhiệm vụ, kế hoạch, mục tiêu, cơ quan")
def history(aggregate_id: UUID, web: WebDep, signed: ApiUser, page: Page) -> answers.History:
    """A task's history for those who may see the task; anything else for Sở Nội vụ."""
    entries = web.planner.views.history(aggregate_id)
    if not entries:
        raise NotFound(f"không có lịch sử nào của mã {aggregate_id}")
    if entries[0].aggregate_type == "task":
        require_sight(web, signed, aggregate_id)
    else:
        require_monitor(signed)
    found, next_cursor = paged(entries, by_version, page)
    return answers.History(aggregate_id=aggregate_id, entries=found, next=next_cursor)


@router.get(
    "/inputs", summary="Cơ quan phối hợp: ý kiến đã gửi đúng hạn, muộn, còn thiếu (Sở Nội vụ)"
)
def inputs(
    web: WebDep, signed: ApiUser, page: Page, on: On = None, plan_id: UUID | None = None
) -> answers.InputsOwed:
    require_monitor(signed)
    day = on or today(SystemClock())
    plan = plan_of(web, plan_id) if plan_id else None
    rows = web.planner.views.input_counts(day, web.planner.calendar.calendar(), plan_id)
    found, next_cursor = paged(rows, by_agency_and_plan, page)
    number = plan.number if plan else None
    return answers.InputsOwed(on=day, plan=number, agencies=found, next=next_cursor)
