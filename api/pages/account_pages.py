"""Tài khoản: administrators add staff, reset passwords and close accounts from the browser,
and issue or revoke programs' tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import RedirectResponse, Response

from api.auth.csrf import require_token
from api.dependencies import PageUser, SignedIn, Web, WebDep
from api.errors import status_of
from api.pages.templating import render
from planner.application.clock import today
from planner.domain.actor import Role
from planner.domain.dates import parse_day
from planner.domain.errors import DomainError, InvalidValue, NotPermitted
from planner.domain.user import ROLES

router = APIRouter(include_in_schema=False)

Username = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9._\-]{2,63}$")]
Field = Annotated[str, Form(max_length=256)]


def _require_admin(signed: SignedIn) -> None:
    if not signed.actor.administers:
        raise NotPermitted(f"{signed.user.username} không có quyền quản lý tài khoản")


def _page(request: Request, web: Web, status: int = 200, **context: object) -> Response:
    agencies = [a for a in web.planner.views.agencies() if a.state == "active"]
    full = {
        "users": web.planner.views.users(),
        "tokens": web.planner.views.api_tokens(),
        "today": today(web.planner.workspace.clock),
        "agencies": agencies,
        **context,
    }
    return render(request, "accounts.html", full, status)


def _role(value: str) -> Role:
    if value not in {r.value for r in ROLES}:
        raise InvalidValue(f"vai trò '{value}' không hợp lệ (agency, monitor hoặc admin)")
    return Role(value)


@router.get("/admin/users")
def accounts(request: Request, web: WebDep, signed: PageUser) -> Response:
    _require_admin(signed)
    return _page(request, web, saved=request.query_params.get("saved", ""))


@router.post("/admin/users", dependencies=[Depends(require_token)])
def add_account(
    request: Request,
    web: WebDep,
    signed: PageUser,
    username: Field,
    agency: Field,
    role: Field,
    password: Field,
) -> Response:
    _require_admin(signed)
    try:
        web.planner.users.add(username, agency, _role(role), password, signed.actor)
    except DomainError as error:
        chosen = {"username": username, "agency": agency, "role": role}
        return _page(request, web, status_of(error), error=error.message, chosen=chosen)
    return RedirectResponse(f"/admin/users?saved={username.strip().lower()}", status_code=303)


@router.post("/admin/users/{username}/{action}", dependencies=[Depends(require_token)])
def change_account(
    request: Request,
    username: Username,
    action: Annotated[str, Path(pattern="^(password|disable|enable)$")],
    web: WebDep,
    signed: PageUser,
    value: Field = "",
) -> Response:
    """`value` is the new password, or the reason for closing or reopening the account."""
    _require_admin(signed)
    users = web.planner.users
    try:
        if action == "password":
            users.reset_password(username, value, signed.actor)
        elif action == "disable":
            users.disable(username, value, signed.actor)
        else:
            users.enable(username, value, signed.actor)
    except DomainError as error:
        return _page(request, web, status_of(error), error=error.message)
    return RedirectResponse(f"/admin/users?saved={username}", status_code=303)


@router.post("/admin/tokens", dependencies=[Depends(require_token)])
def issue_token(
    request: Request,
    web: WebDep,
    signed: PageUser,
    name: Field,
    agency: Field,
    role: Field,
    expires_on: Field,
) -> Response:
    """The new token is shown on this answer once; the page never shows it again."""
    _require_admin(signed)
    try:
        day = parse_day(expires_on, where="Hết hạn ngày")
        token = web.planner.api_tokens.issue(name, agency, _role(role), day, signed.actor)
    except DomainError as error:
        return _page(request, web, status_of(error), error=error.message)
    return _page(request, web, issued={"name": name.strip(), "token": token})


@router.post("/admin/tokens/{name}/revoke", dependencies=[Depends(require_token)])
def revoke_token(
    request: Request,
    name: Annotated[str, Path(min_length=3, max_length=100)],
    web: WebDep,
    signed: PageUser,
    value: Field = "",
) -> Response:
    _require_admin(signed)
    try:
        web.planner.api_tokens.revoke(name, value, signed.actor)
    except DomainError as error:
        return _page(request, web, status_of(error), error=error.message)
    return RedirectResponse(f"/admin/users?saved=token {name}", status_code=303)
