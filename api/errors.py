"""How refusals reach people and programs: one status per kind of error, never a 500.

API answers are JSON with the error's code, its Vietnamese message and the field path
(`detail[].loc`) when a field is at fault; pages show the message in Vietnamese.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from api.auth.csrf import CsrfRejected
from api.auth.throttle import TooManyAttempts
from api.database_outage import MESSAGE, RETRY_AFTER_SECONDS, UNAVAILABLE, OutageLog
from api.dependencies import NotSignedIn
from api.field_error import FieldInvalid
from api.pages.templating import render
from api.sign_in import WrongCredentials
from api.validation_messages import vietnamese
from planner.application.errors import AlreadyExists, Conflict, NotFound
from planner.domain.errors import DomainError, NotPermitted

STATUS: dict[type[DomainError], int] = {
    NotFound: 404,
    Conflict: 409,
    AlreadyExists: 409,
    NotPermitted: 403,
    WrongCredentials: 401,
}


def status_of(error: DomainError) -> int:
    """404, 409 or 403 where they apply; any other refused value or change is 422."""
    for kind, status in STATUS.items():
        if isinstance(error, kind):
            return status
    return 422


def is_api(request: Request) -> bool:
    """Programs' addresses (the API, and the metrics a monitoring system reads)."""
    return request.url.path.startswith("/api/") or request.url.path == "/metrics"


def error_body(code: str, message: str, detail: list[dict[str, Any]]) -> dict[str, Any]:
    return {"code": code, "message": message, "detail": detail}


async def on_domain_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, DomainError)
    status = status_of(error)
    if is_api(request):
        loc = error.loc if isinstance(error, FieldInvalid) else ["body"]
        detail = [{"loc": loc, "msg": error.message, "type": error.code}]
        return JSONResponse(error_body(error.code, error.message, detail), status)
    return render(request, "error.html", {"message": error.message}, status)


async def on_invalid_request(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    detail = [
        {"loc": [str(part) for part in e["loc"]], "msg": vietnamese(e), "type": e["type"]}
        for e in error.errors()
    ]
    fields = "; ".join(f"{'.'.join(d['loc'])}: {d['msg']}" for d in detail)
    message = f"dữ liệu không hợp lệ — {fields}"
    if is_api(request):
        return JSONResponse(error_body("invalid_request", message, detail), 422)
    return render(request, "error.html", {"message": message}, 422)


async def on_not_signed_in(request: Request, _error: Exception) -> Response:
    if is_api(request):
        message = "cần đăng nhập: gửi 'Authorization: Bearer <token>' lấy từ POST /api/token"
        return JSONResponse(
            error_body("not_signed_in", message, []),
            401,
            headers={"WWW-Authenticate": "Bearer"},
        )
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={_quoted(target)}", status_code=303)


async def on_csrf_rejected(request: Request, _error: Exception) -> Response:
    message = "biểu mẫu đã hết hạn hoặc không đến từ trang của planner; hãy tải lại trang"
    return render(request, "error.html", {"message": message}, 403)


async def on_too_many_attempts(request: Request, error: Exception) -> Response:
    assert isinstance(error, TooManyAttempts)
    minutes = max(1, error.retry_after // 60)
    message = f"đăng nhập sai quá nhiều lần; hãy thử lại sau {minutes} phút"
    headers = {"Retry-After": str(error.retry_after)}
    if is_api(request):
        return JSONResponse(error_body("too_many_attempts", message, []), 429, headers=headers)
    return render(request, "login.html", {"error": message, "next": "/"}, 429, headers)


async def on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    api = is_api(request) or request.url.path == "/openapi.json"
    messages = {
        400: "thân yêu cầu không đọc được: cần JSON hợp lệ, mã hóa UTF-8",
        404: "không có địa chỉ API này" if api else "không có trang này",
        405: "phương thức không được hỗ trợ",
    }
    message = messages.get(error.status_code, str(error.detail))
    if api:
        return JSONResponse(
            error_body(f"http_{error.status_code}", message, []),
            error.status_code,
            headers=getattr(error, "headers", None),
        )
    return render(request, "error.html", {"message": message}, error.status_code)


async def on_database_unavailable(request: Request, error: Exception) -> Response:
    outage: OutageLog = request.app.state.outage
    outage.failed(error)
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if is_api(request):
        body = error_body("database_unavailable", MESSAGE, [])
        return JSONResponse(body, 503, headers=headers)
    return render(request, "error.html", {"message": MESSAGE}, 503, headers)


def _quoted(path: str) -> str:
    return quote(path, safe="/")


def install(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, on_domain_error)
    app.add_exception_handler(RequestValidationError, on_invalid_request)
    app.add_exception_handler(NotSignedIn, on_not_signed_in)
    app.add_exception_handler(CsrfRejected, on_csrf_rejected)
    app.add_exception_handler(TooManyAttempts, on_too_many_attempts)
    app.add_exception_handler(HTTPException, on_http_error)
    for kind in UNAVAILABLE:
        app.add_exception_handler(kind, on_database_unavailable)
