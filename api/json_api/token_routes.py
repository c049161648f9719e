"""/api/tokens: named keys for programs, issued and revoked by administrators."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, Field

from api.dependencies import ApiUser, WebDep, api_user
from api.json_api import models
from api.json_api.list_orders import by_name
from api.json_api.paging import NEXT_DESCRIPTION, Page, paged
from api.one_thread_route import OneThreadRoute
from planner.application.api_tokens import secret_hash
from planner.domain.actor import Role
from planner.domain.errors import NotPermitted
from planner.queries.api_tokens import ApiTokenView

router = APIRouter(
    route_class=OneThreadRoute, prefix="/api", tags=["tokens"], dependencies=[Depends(api_user)]
)
TokenName = Annotated[str, Path(min_length=3, max_length=100)]


class ApiTokenOut(BaseModel):
    token_id: UUID
    name: str
    agency: str
    role: str
    expires_on: date
    issued_at: datetime
    issued_by: str
    revoked_at: datetime | None

    @classmethod
    def of(cls, view: ApiTokenView) -> ApiTokenOut:
        return cls(
            token_id=view.token_id,
            name=view.name,
            agency=view.agency,
            role=view.role,
            expires_on=view.expires_on,
            issued_at=view.issued_at,
            issued_by=view.issued_by,
            revoked_at=view.revoked_at,
        )


class ApiTokenList(BaseModel):
    tokens: list[ApiTokenOut]


class ApiTokenPage(ApiTokenList):
    next: str | None = Field(description=NEXT_DESCRIPTION)


class IssuedToken(BaseModel):
    token: str = Field(description="Gửi kèm 'Authorization: Bearer <token>'; chỉ hiện một lần")
    api_token: ApiTokenOut


class NewApiToken(models.Body):
    name: Annotated[str, Field(min_length=3, max_length=100)]
    agency: models.AgencyCode
    role: Role = Field(Role.AGENCY, description="agency, monitor hoặc admin")
    expires_on: date = Field(description="Ngày cuối token còn dùng được (tối đa hai năm)")


def _require_admin(signed: ApiUser) -> None:
    if not signed.actor.administers:
        raise NotPermitted(f"{signed.user.username} không có quyền quản lý token")


@router.get("/tokens", summary="Token của các chương trình (quản trị)")
def list_tokens(web: WebDep, signed: ApiUser, page: Page) -> ApiTokenPage:
    _require_admin(signed)
    found, next_cursor = paged(web.planner.views.api_tokens(), by_name, page)
    return ApiTokenPage(tokens=[ApiTokenOut.of(t) for t in found], next=next_cursor)


@router.post("/tokens", status_code=201, summary="Cấp token cho một chương trình (quản trị)")
def issue(body: NewApiToken, web: WebDep, signed: ApiUser) -> IssuedToken:
    """The token is in this answer only: the store keeps its hash."""
    _require_admin(signed)
    token = web.planner.api_tokens.issue(
        body.name, body.agency, body.role, body.expires_on, signed.actor
    )
    found = web.planner.views.api_token(secret_hash(token))
    assert found is not None, "the views are caught up when a command returns"
    return IssuedToken(token=token, api_token=ApiTokenOut.of(found))


@router.post("/tokens/{name}/revoke", summary="Thu hồi token (quản trị)")
def revoke(name: TokenName, body: models.Reason, web: WebDep, signed: ApiUser) -> ApiTokenList:
    _require_admin(signed)
    web.planner.api_tokens.revoke(name, body.reason, signed.actor)
    return ApiTokenList(tokens=[ApiTokenOut.of(t) for t in web.planner.views.api_tokens()])
