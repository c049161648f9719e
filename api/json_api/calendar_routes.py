"""/api/calendar: the province's own days off and working days (Sở Nội vụ), and their history."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from api.json_api import models
from api.web import ApiUser, Web, WebDep, api_user
from planner.domain.identity import local_calendar_id
from planner.presentation.json_document import to_json

router = APIRouter(prefix="/api", tags=["calendar"], dependencies=[Depends(api_user)])


def _answer(web: Web) -> dict[str, Any]:
    days = web.planner.calendar.days()
    return {
        "days_off": to_json([{"day": d, "reason": r} for d, r in sorted(days.days_off.items())]),
        "working_days": to_json(
            [{"day": d, "reason": r} for d, r in sorted(days.working_days.items())]
        ),
    }


@router.get("/calendar", summary="Ngày nghỉ và ngày làm việc riêng của tỉnh")
def province_days(web: WebDep) -> dict[str, Any]:
    return _answer(web)


@router.post("/calendar/days-off", status_code=201, summary="Thêm ngày nghỉ của tỉnh")
def add_day_off(body: models.CalendarDay, web: WebDep, signed: ApiUser) -> dict[str, Any]:
    web.planner.calendar.add_day_off(body.day, body.reason, signed.actor)
    return _answer(web)


@router.post("/calendar/working-days", status_code=201, summary="Thêm ngày làm việc của tỉnh")
def add_working_day(body: models.CalendarDay, web: WebDep, signed: ApiUser) -> dict[str, Any]:
    web.planner.calendar.add_working_day(body.day, body.reason, signed.actor)
    return _answer(web)


@router.post("/calendar/withdrawn", summary="Bỏ một ngày riêng: ngày đó theo lịch chung")
def withdraw(body: models.CalendarDay, web: WebDep, signed: ApiUser) -> dict[str, Any]:
    web.planner.calendar.withdraw(body.day, body.reason, signed.actor)
    return _answer(web)


@router.get("/calendar/history", summary="Lịch sử ngày riêng của tỉnh: ai, khi nào, vì sao")
def calendar_history(web: WebDep) -> dict[str, Any]:
    return {"entries": to_json(web.planner.views.history(local_calendar_id()))}
