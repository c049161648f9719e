"""Đăng nhập, đăng xuất, and the start page each role lands on."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from api.auth.csrf import require_token
from api.dependencies import (
    SESSION_COOKIE,
    NotSignedIn,
    PageUser,
    SignedIn,
    WebDep,
    page_user,
    signed_in_with,
)
from api.pages.templating import render
from api.sign_in import WrongCredentials, sign_in

router = APIRouter(include_in_schema=False)


def home_of(signed: SignedIn) -> str:
    """Sở Nội vụ and administrators start on the dashboard; agency staff on their tasks."""
    return "/dashboard" if signed.actor.oversees or signed.actor.administers else "/my-tasks"


def safe_next(target: str) -> str:
    """Only paths of this site: never another host (//host, /\\host, scheme:)."""
    if target.startswith("/") and not target.startswith(("//", "/\\")) and ":" not in target:
        return target
    return ""


@router.get("/")
def home(signed: PageUser) -> Response:
    return RedirectResponse(home_of(signed), status_code=303)


@router.get("/login")
def login_form(request: Request, web: WebDep, next: str = "") -> Response:
    try:
        signed = page_user(request, web)
    except NotSignedIn:
        return render(request, "login.html", {"next": safe_next(next), "username": ""})
    return RedirectResponse(safe_next(next) or home_of(signed), status_code=303)


@router.post("/login", dependencies=[Depends(require_token)])
def login(
    request: Request,
    web: WebDep,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    try:
        token = sign_in(web, username, password, request)
    except WrongCredentials as error:
        context = {"error": error.message, "next": safe_next(next), "username": username}
        return render(request, "login.html", context, 401)
    signed = signed_in_with(web, token)
    response = RedirectResponse(safe_next(next) or home_of(signed), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=web.tokens.lifetime_seconds,
        httponly=True,
        samesite="lax",
        secure=web.settings.secure_cookies,
    )
    return response


@router.post("/logout", dependencies=[Depends(require_token)])
def logout(request: Request, web: WebDep) -> Response:
    """End the session in the store, so the cookie's value is refused by every process."""
    try:
        signed = page_user(request, web)
    except NotSignedIn:
        signed = None
    if signed is not None:
        web.planner.users.sign_out(signed.user.username, signed.actor)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
