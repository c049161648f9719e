"""/api/token, /api/me and /api/users: signing in, and accounts (administrators)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.dependencies import ApiUser, Web, WebDep
from api.error_answers import TOO_MANY_ATTEMPTS
from api.json_api import answers, models
from api.json_api.list_orders import by_agency_and_name
from api.json_api.paging import Page, paged
from api.one_thread_route import OneThreadRoute
from api.sign_in import sign_in
from planner.domain.errors import NotPermitted

router = APIRouter(route_class=OneThreadRoute, prefix="/api", tags=["users"])


@router.post("/logout", status_code=204, summary="Đăng xuất: mọi phiên và token của tài khoản")
def logout(web: WebDep, signed: ApiUser) -> None:
    """Ends every session and token of the signed-in account, in every server process."""
    web.planner.users.sign_out(signed.user.username, signed.actor)


@router.post("/token", summary="Đăng nhập, nhận bearer token", responses=TOO_MANY_ATTEMPTS)
def token(body: models.Login, request: Request, web: WebDep) -> answers.SignedInToken:
    """Wrong credentials get 401; too many failures from one address or for one name, 429."""
    issued = sign_in(web, body.username, body.password, request)
    return answers.SignedInToken(access_token=issued, expires_in=web.tokens.lifetime_seconds)


@router.get("/me", summary="Người đang đăng nhập")
def me(signed: ApiUser) -> answers.Me:
    return answers.Me(user=signed.user, represents=sorted(signed.actor.represents))


def _admin_answer(web: Web, signed: ApiUser) -> answers.Users:
    """Every account, after a change to one."""
    _require_admin(signed)
    return answers.Users(users=web.planner.views.users())


def _require_admin(signed: ApiUser) -> None:
    if not signed.actor.administers:
        raise NotPermitted(f"{signed.user.username} không có quyền quản lý tài khoản")


@router.get("/users", summary="Tài khoản (quản trị)")
def list_users(web: WebDep, signed: ApiUser, page: Page) -> answers.UserPage:
    _require_admin(signed)
    found, next_cursor = paged(web.planner.views.users(), by_agency_and_name, page)
    return answers.UserPage(users=found, next=next_cursor)


@router.post("/users", status_code=201, summary="Thêm tài khoản (quản trị)")
def add_user(body: models.NewUser, web: WebDep, signed: ApiUser) -> answers.Users:
    web.planner.users.add(body.username, body.agency, body.role, body.password, signed.actor)
    return _admin_answer(web, signed)


@router.post("/users/{username}/password", summary="Đặt lại mật khẩu")
def reset_password(
    username: str, body: models.NewPassword, web: WebDep, signed: ApiUser
) -> answers.OneUser:
    """Administrators reset anyone's password; a user may change their own."""
    web.planner.users.reset_password(username, body.password, signed.actor)
    return answers.OneUser(user=web.planner.views.user(username))


@router.post("/users/{username}/disable", summary="Khóa tài khoản (quản trị)")
def disable(username: str, body: models.Reason, web: WebDep, signed: ApiUser) -> answers.Users:
    web.planner.users.disable(username, body.reason, signed.actor)
    return _admin_answer(web, signed)


@router.post("/users/{username}/enable", summary="Mở khóa tài khoản (quản trị)")
def enable(username: str, body: models.Reason, web: WebDep, signed: ApiUser) -> answers.Users:
    web.planner.users.enable(username, body.reason, signed.actor)
    return _admin_answer(web, signed)
