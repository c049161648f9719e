"""/api/plans and /api/targets: plans, their obligations, score targets and results."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Depends

from api.dependencies import ApiUser, WebDep, api_user
from api.field_error import FieldInvalid
from api.json_api import answers, models
from api.json_api.list_orders import by_year_and_number
from api.json_api.paging import Page, paged
from api.one_thread_route import OneThreadRoute
from api.visible_objects import plan_of
from planner.domain.criterion import CriterionCode, Index, Level
from planner.domain.errors import InvalidValue
from planner.domain.points import parse_points
from planner.domain.schedule_text import read_schedule
from planner.domain.score_target import Definition
from planner.domain.target import Target

router = APIRouter(
    route_class=OneThreadRoute, prefix="/api", tags=["plans"], dependencies=[Depends(api_user)]
)

MAX_POINTS = Decimal(1_000_000)


@router.get("/plans", summary="Các kế hoạch")
def list_plans(web: WebDep, page: Page) -> answers.PlanPage:
    found, next_cursor = paged(web.planner.views.plans(), by_year_and_number, page)
    return answers.PlanPage(plans=found, next=next_cursor)


@router.post("/plans", status_code=201, summary="Đăng ký kế hoạch (Sở Nội vụ)")
def add_plan(body: models.NewPlan, web: WebDep, signed: ApiUser) -> answers.OnePlan:
    indices = tuple(_field(Index.parse, i, "indices") for i in body.indices)
    plan_id = web.planner.plans.register(
        number=body.number,
        title=body.title,
        issuer=body.issuer,
        province=body.province,
        issued_on=body.issued_on,
        year=body.year,
        indices=indices,
        actor=signed.actor,
    )
    return answers.OnePlan(plan=plan_of(web, plan_id))


@router.get("/plans/{plan_id}", summary="Một kế hoạch")
def get_plan(plan_id: UUID, web: WebDep) -> answers.OnePlan:
    return answers.OnePlan(plan=plan_of(web, plan_id))


@router.post("/plans/{plan_id}/obligations", status_code=201, summary="Thêm yêu cầu của kế hoạch")
def add_obligation(
    plan_id: UUID, body: models.NewObligation, web: WebDep, signed: ApiUser
) -> answers.OnePlan:
    plan = plan_of(web, plan_id)
    reading = read_schedule(body.schedule, plan.year, plan.issued_on)
    web.planner.plans.add_obligation(
        plan_id,
        key=body.key,
        text=body.text,
        schedule=reading.schedule,
        responsible=tuple(body.responsible),
        report_to=body.report_to,
        actor=signed.actor,
    )
    return answers.OnePlan(plan=plan_of(web, plan_id))


@router.post(
    "/plans/{plan_id}/input-days",
    summary="Hạn cơ quan phối hợp gửi ý kiến: số ngày làm việc trước hạn chủ trì (Sở Nội vụ)",
)
def set_input_days(
    plan_id: UUID, body: models.InputDays, web: WebDep, signed: ApiUser
) -> answers.OnePlan:
    plan_of(web, plan_id)
    web.planner.plans.set_input_days(plan_id, body.days, body.reason, signed.actor)
    return answers.OnePlan(plan=plan_of(web, plan_id))


@router.put("/plans/{plan_id}/targets", summary="Đặt hoặc điều chỉnh mục tiêu một tiêu chí")
def set_target(
    plan_id: UUID, body: models.TargetIn, web: WebDep, signed: ApiUser
) -> answers.TargetBoard:
    code = _field(CriterionCode.parse, body.code, "code") if body.code else CriterionCode.total()
    definition = Definition(
        name=body.name,
        level=Level.for_depth(code.depth),
        max_points=_points(body.max_points, "max_points"),
        last_year_points=_points(body.last_year_points, "last_year_points"),
        target=_target(body.target),
        survey_based=body.survey_based,
        not_evaluated=body.not_evaluated,
    )
    target_id = web.planner.targets.set(
        plan_id,
        index=_field(Index.parse, body.index, "index"),
        code=code,
        year=body.year,
        definition=definition,
        actor=signed.actor,
        reason=body.reason,
    )
    return answers.TargetBoard(target_id=target_id, lines=web.planner.views.score_board(plan_id))


@router.post("/targets/{target_id}/results", summary="Ghi kết quả: tự đánh giá, thẩm định, công bố")
def record_result(
    target_id: UUID, body: models.ResultIn, web: WebDep, signed: ApiUser
) -> answers.TargetHistory:
    points = _points(body.points, "points")
    assert points is not None
    web.planner.targets.record_result(
        target_id,
        body.kind,
        points,
        signed.actor,
        note=body.note,
        expected_version=body.expected_version,
    )
    return answers.TargetHistory(target_id=target_id, entries=web.planner.views.history(target_id))


def _points(text: str | None, field: str) -> Any:
    return _bounded(_field(parse_points, text, field), field) if text else None


def _target(text: str) -> Target:
    target: Target = _field(Target.parse, text, "target")
    if target.value is not None:
        _bounded(target.value, "target")
    return target


def _bounded(value: Decimal, field: str) -> Decimal:
    """Points in the indices are at most a few hundred; the views store up to 10^7."""
    if value >= MAX_POINTS:
        raise FieldInvalid(f"{field}: {value} điểm là quá lớn", ["body", field])
    return value


def _field(read: Any, text: str, field: str) -> Any:
    """Read a value with the domain's reader, naming the field if it is refused."""
    try:
        return read(text)
    except InvalidValue as error:
        raise FieldInvalid(error.message, ["body", field]) from None
