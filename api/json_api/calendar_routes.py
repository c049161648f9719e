"""/api/calendar: the province's own days off and working days (Sở Nội vụ), and their history."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from api.dependencies import ApiUser, Web, WebDep, api_user
from api.json_api import answers, models
from api.json_api.list_orders import by_version
from api.json_api.paging import Page, paged
from api.one_thread_route import OneThreadRoute
from planner.domain.identity import local_calendar_id

router = APIRouter(
    route_class=OneThreadRoute, prefix="/api", tags=["calendar"], dependencies=[Depends(api_user)]
)


def _answer(web: Web) -> answers.ProvinceDays:
    days = web.planner.calendar.days()
    return answers.ProvinceDays(
        days_off=[answers.ProvinceDay(day=d, reason=r) for d, r in sorted(days.days_off.items())],
        working_days=[
            answers.ProvinceDay(day=d, reason=r) for d, r in sorted(days.working_days.items())
        ],
    )


@router.get("/calendar", summary="Ngày nghỉ và ngày làm việc riêng của tỉnh")
def province_days(web: WebDep) -> answers.ProvinceDays:
    return _answer(web)


@router.post("/calendar/days-off", status_code=201, summary="Thêm ngày nghỉ của tỉnh")
def add_day_off(body: models.CalendarDay, web: WebDep, signed: ApiUser) -> answers.ProvinceDays:
    web.planner.calendar.add_day_off(body.day, body.reason, signed.actor)
    return _answer(web)


@router.post("/calendar/working-days", status_code=201, summary="Thêm ngày làm việc của tỉnh")
def add_working_day(body: models.CalendarDay, web: WebDep, signed: ApiUser) -> answers.ProvinceDays:
    web.planner.calendar.add_working_day(body.day, body.reason, signed.actor)
    return _answer(web)


@router.post("/calendar/withdrawn", summary="Bỏ một ngày riêng: ngày đó theo lịch chung")
def withdraw(body: models.CalendarDay, web: WebDep, signed: ApiUser) -> answers.ProvinceDays:
    web.planner.calendar.withdraw(body.day, body.reason, signed.actor)
    return _answer(web)


@router.get("/calendar/history", summary="Lịch sử ngày riêng của tỉnh: ai, khi nào, vì sao")
def calendar_history(web: WebDep, page: Page) -> answers.CalendarHistory:
    found = web.planner.views.history(local_calendar_id())
    entries, next_cursor = paged(found, by_version, page)
    return answers.CalendarHistory(entries=entries, next=next_cursor)
