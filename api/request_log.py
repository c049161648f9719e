"""One line per answer — who asked what, how it ended, how long it took — under a request id.

The id comes from the caller's `X-Request-ID` (a proxy's, when it sets one) or is made here; it
is sent back in the answer's `X-Request-ID` and is on every log line written while the request
is served, so an error line can be found from a user's report. Written as plain ASGI middleware:
it runs on every request, and must cost little.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="")
HEADER = b"x-request-id"
_GIVEN = re.compile(r"[A-Za-z0-9._:-]{1,64}")
_QUIET = ("/static/",)  # files of the pages: their requests say nothing about use

log = logging.getLogger("planner.access")


class RequestLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        token = REQUEST_ID.set(request_id)
        status = 500
        start = time.perf_counter()

        async def answer(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (HEADER, request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, answer)
        finally:
            if not scope["path"].startswith(_QUIET):
                _log_answer(scope, status, time.perf_counter() - start)
            REQUEST_ID.reset(token)


def _request_id(scope: Scope) -> str:
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    for name, value in headers:
        if name == HEADER and _GIVEN.fullmatch(given := value.decode("latin-1")):
            return given
    return uuid.uuid4().hex


def _log_answer(scope: Scope, status: int, seconds: float) -> None:
    client = scope.get("client")
    fields: dict[str, Any] = {
        "method": scope["method"],
        "path": scope["path"],
        "status": status,
        "ms": round(seconds * 1000, 1),
        "client": client[0] if client else "",
        "user": _user(scope),
    }
    log.info(
        "%s %s %s %.1f ms %s %s",
        fields["method"],
        fields["path"],
        status,
        fields["ms"],
        fields["client"],
        fields["user"] or "-",
        extra={"fields": fields},
    )


def _user(scope: Scope) -> str:
    """The account the request was served for, when it signed in."""
    signed = scope.get("state", {}).get("me")
    user = getattr(signed, "user", None)
    return str(getattr(user, "username", "")) if user is not None else ""
