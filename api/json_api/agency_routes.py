"""/api/agencies: the registry and its reorganisations (administrators and Sở Nội vụ)."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from api.dependencies import ApiUser, Web, WebDep, api_user
from api.json_api import answers, models
from api.json_api.list_orders import by_code
from api.json_api.paging import Page, paged
from api.one_thread_route import OneThreadRoute

router = APIRouter(
    route_class=OneThreadRoute, prefix="/api", tags=["agencies"], dependencies=[Depends(api_user)]
)


def _answer(web: Web) -> answers.Agencies:
    """The whole registry after a change to it."""
    return answers.Agencies(agencies=web.planner.views.agencies())


@router.get("/agencies", summary="Danh mục cơ quan")
def list_agencies(web: WebDep, page: Page) -> answers.AgencyPage:
    found, next_cursor = paged(web.planner.views.agencies(), by_code, page)
    return answers.AgencyPage(agencies=found, next=next_cursor)


@router.post("/agencies", status_code=201, summary="Thêm cơ quan")
def add_agency(body: models.NewAgency, web: WebDep, signed: ApiUser) -> answers.Agencies:
    web.planner.agencies.register(
        body.code,
        body.name,
        body.kind,
        signed.actor,
        aliases=tuple(body.aliases),
        parent=body.parent,
        emails=tuple(body.emails),
        groups=tuple(body.groups),
    )
    return _answer(web)


@router.put("/agencies/{code}/emails", summary="Đặt địa chỉ e-mail nhận nhắc việc")
def set_emails(code: str, body: models.Emails, web: WebDep, signed: ApiUser) -> answers.Agencies:
    web.planner.agencies.set_emails(code, tuple(body.emails), signed.actor)
    return _answer(web)


@router.post("/agencies/{code}/rename", summary="Đổi tên (tên cũ giữ làm tên gọi khác)")
def rename(code: str, body: models.Rename, web: WebDep, signed: ApiUser) -> answers.Agencies:
    web.planner.agencies.rename(code, body.name, body.reason, signed.actor)
    return _answer(web)


@router.post("/agencies/{code}/merge", summary="Sáp nhập vào cơ quan khác")
def merge(code: str, body: models.Merge, web: WebDep, signed: ApiUser) -> answers.Agencies:
    web.planner.agencies.merge(code, body.into, body.effective_on, body.reason, signed.actor)
    return _answer(web)


@router.post("/agencies/{code}/split", summary="Chia tách")
def split(code: str, body: models.Split, web: WebDep, signed: ApiUser) -> answers.Agencies:
    web.planner.agencies.split(
        code,
        tuple(body.successors),
        body.carried_by,
        body.effective_on,
        body.reason,
        signed.actor,
    )
    return _answer(web)


@router.post("/agencies/{code}/dissolve", summary="Giải thể")
def dissolve(code: str, body: models.Dissolve, web: WebDep, signed: ApiUser) -> answers.Agencies:
    web.planner.agencies.dissolve(
        code, body.successor, body.effective_on, body.reason, signed.actor
    )
    return _answer(web)
