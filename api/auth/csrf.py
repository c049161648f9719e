"""CSRF protection for forms: a random token in a cookie that each form must repeat.

A cross-site page can make the browser send the cookie but cannot read it, so it cannot put
the same value in the form field (or the X-CSRF-Token header htmx sends).
"""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request

COOKIE = "planner_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"


class CsrfRejected(Exception):
    """A form arrived without the token of the page it was shown on."""


def form_token(request: Request) -> str:
    """The token this browser holds, or a new one the response will set."""
    existing = request.cookies.get(COOKIE)
    if existing:
        return existing
    if not hasattr(request.state, "new_csrf"):
        request.state.new_csrf = secrets.token_urlsafe(32)
    token: str = request.state.new_csrf
    return token


async def require_token(request: Request) -> None:
    expected = request.cookies.get(COOKIE, "")
    sent = request.headers.get(HEADER, "")
    if not sent:
        form = await request.form()
        value = form.get(FIELD, "")
        sent = value if isinstance(value, str) else ""
    if not expected or not hmac.compare_digest(expected, sent):
        raise CsrfRejected
