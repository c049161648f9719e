"""What every answer carries: security headers, the CSRF cookie for a browser that lacks one,
and the end of a database outage noted once a request that reads the database succeeds.

Plain ASGI middleware: it runs on every request, and Starlette's `BaseHTTPMiddleware` (a task
and a stream per request) cost more than many routes' own work.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth.csrf import COOKIE as CSRF_COOKIE
from api.database_outage import OutageLog

# Pages load nothing from elsewhere; /docs (Swagger UI) starts itself with an inline script.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_ALWAYS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"))
_NOT_ON_DOCS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
)
_NO_DATABASE = ("/static/", "/health")


class AnswerHeaders:
    def __init__(self, app: ASGIApp, outage: OutageLog, secure_cookies: bool) -> None:
        self.app = app
        self.outage = outage
        self.secure_cookies = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def answer(message: Message) -> None:
            if message["type"] == "http.response.start":
                self._finish(scope, message)
            await send(message)

        await self.app(scope, receive, answer)

    def _finish(self, scope: Scope, message: Message) -> None:
        path: str = scope["path"]
        if message["status"] < 500 and not path.startswith(_NO_DATABASE):
            self.outage.answered()
        headers: list[tuple[bytes, bytes]] = list(message.get("headers", []))
        present = {name.lower() for name, _ in headers}
        wanted = _ALWAYS if path == "/docs" else (*_ALWAYS, *_NOT_ON_DOCS)
        headers += [(name, value) for name, value in wanted if name not in present]
        new_token = scope.get("state", {}).get("new_csrf")
        if new_token:
            headers += self._csrf_cookie(new_token)
        message["headers"] = headers

    def _csrf_cookie(self, token: str) -> list[Any]:
        """The Set-Cookie header as Starlette writes it."""
        cookie = Response()
        cookie.set_cookie(
            CSRF_COOKIE, token, httponly=True, samesite="strict", secure=self.secure_cookies
        )
        return [header for header in cookie.raw_headers if header[0] == b"set-cookie"]
