"""Checking a name and password, with the rate limit, for the login page and POST /api/token."""

from __future__ import annotations

import logging

from fastapi import Request

from api.dependencies import Web, issue_token
from planner.domain.errors import DomainError

_log = logging.getLogger("planner.sign_in")


class WrongCredentials(DomainError):
    code = "wrong_credentials"


def sign_in(web: Web, username: str, password: str, request: Request) -> str:
    """A new token for the user, or WrongCredentials (the same for a wrong name or password)."""
    address = request.client.host if request.client else "?"
    web.throttle.check(username, address)
    user = web.planner.users.authenticate(username, password)
    if user is None:
        web.throttle.failed(username, address)
        request.app.state.metrics.failed_logins.inc()
        _log.warning("đăng nhập sai: tài khoản '%s' từ %s", username[:64], address)
        raise WrongCredentials("sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa")
    web.throttle.succeeded(username, address)
    return issue_token(web, user)
