"""/api/overdue, /api/progress, /api/scores, /api/history: what Sở Nội vụ watches."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Query

from api.days import Day
from api.lookups import agency_filter, plan_of, require_sight
from api.web import ApiUser, WebDep, api_user, require_monitor
from planner.application.clock import SystemClock, today
from planner.application.errors import NotFound
from planner.domain.visibility import sees_every_task
from planner.presentation.json_document import to_json
from planner.queries.basis import Basis

router = APIRouter(prefix="/api", tags=["views"], dependencies=[Depends(api_user)])

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
    on: On = None,
    plan_id: UUID | None = None,
    agency: AgencyFilter = None,
    basis: BasisQuery = Basis.CURRENT,
) -> dict[str, Any]:
    """Agency staff see only the work their agency carries; Sở Nội vụ sees the province."""
    day = on or today(SystemClock())
    plan = plan_of(web, plan_id) if plan_id else None
    wanted = agency_filter(web, agency)
    if not sees_every_task(signed.actor):
        wanted = signed.actor.agency
    items = web.planner.views.overdue(day, plan_id, wanted, basis=basis)
    number = plan.number if plan else None
    answer: dict[str, Any] = to_json(
        {"on": day, "basis": basis, "plan": number, "count": len(items), "items": items}
    )
    return answer


@router.get("/progress", summary="Tiến độ theo cơ quan chủ trì và kế hoạch")
def progress(
    web: WebDep, on: On = None, plan_id: UUID | None = None, basis: BasisQuery = Basis.CURRENT
) -> dict[str, Any]:
    day = on or today(SystemClock())
    plan = plan_of(web, plan_id) if plan_id else None
    rows = web.planner.views.progress(day, plan_id, basis)
    answer: dict[str, Any] = to_json(
        {"on": day, "basis": basis, "plan": plan.number if plan else None, "agencies": rows}
    )
    return answer


@router.get("/scores", summary="Bảng điểm: tối đa, năm trước, mục tiêu, kết quả, còn thiếu")
def scores(web: WebDep, plan_id: UUID | None = None) -> dict[str, Any]:
    plan = plan_of(web, plan_id) if plan_id else None
    lines = web.planner.views.score_board(plan_id)
    answer: dict[str, Any] = to_json({"plan": plan.number if plan else None, "lines": lines})
    return answer


@router.get("/history/{aggregate_id}", summary="Lịch sử một nhiệm vụ, kế hoạch, mục tiêu, cơ quan")
def history(aggregate_id: UUID, web: WebDep, signed: ApiUser) -> dict[str, Any]:
    """A task's history for those who may see the task; anything else for Sở Nội vụ."""
    entries = web.planner.views.history(aggregate_id)
    if not entries:
        raise NotFound(f"không có lịch sử nào của mã {aggregate_id}")
    if entries[0].aggregate_type == "task":
        require_sight(web, signed, aggregate_id)
    else:
        require_monitor(signed)
    return {"aggregate_id": str(aggregate_id), "entries": to_json(entries)}


@router.get(
    "/inputs", summary="Cơ quan phối hợp: ý kiến đã gửi đúng hạn, muộn, còn thiếu (Sở Nội vụ)"
)
def inputs(
    web: WebDep, signed: ApiUser, on: On = None, plan_id: UUID | None = None
) -> dict[str, Any]:
    require_monitor(signed)
    day = on or today(SystemClock())
    plan = plan_of(web, plan_id) if plan_id else None
    rows = web.planner.views.input_counts(day, web.planner.calendar.calendar(), plan_id)
    answer: dict[str, Any] = to_json(
        {"on": day, "plan": plan.number if plan else None, "agencies": rows}
    )
    return answer
