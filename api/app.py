"""The web application: JSON API under /api, Vietnamese pages, OpenAPI at /docs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from api import docs_page, errors, operations
from api.answer_headers import AnswerHeaders
from api.auth.throttle import LoginThrottle
from api.auth.tokens import Tokens
from api.database_outage import OutageLog
from api.dependencies import Web
from api.error_answers import ERRORS
from api.extensions import BackgroundService, Extension
from api.json_api import (
    agency_routes,
    calendar_routes,
    plan_routes,
    reminder_routes,
    task_routes,
    token_routes,
    user_routes,
    view_routes,
)
from api.pages import account_pages, dashboard_pages, login_pages, plan_pages, task_pages
from api.request_log import RequestLog
from api.settings import WebSettings
from planner.application.planner import Planner
from planner.application.reminders import ReminderService
from planner.storage.evidence_files import EvidenceFiles

STATIC = Path(__file__).parent / "static"

DESCRIPTION = """Theo dõi kế hoạch nâng cao Chỉ số CCHC (PAR INDEX), SIPAS và PAPI.

Sign in with `POST /api/token` and send `Authorization: Bearer <token>`. Dates are ISO 8601,
points and percentages decimal strings; refusals carry `code`, a Vietnamese `message` and
`detail[].loc` naming the field: 401 not signed in, 403 forbidden, 404 unknown, 409 version
conflict, 422 invalid, 429 too many sign-in attempts, 503 database unavailable.

Lists come a page at a time in a stable order: `limit` (at most 1000) items, and `next`, the
cursor to send back as `after` for the following page (null after the last).

Versions: this is version 1 of the API, served under `/api`. Fields and operations may be
added within it; a field is never renamed, removed or given another meaning there. A change
that would break a client comes under `/api/v2`, with `/api` kept beside it for a year.
"""

TAGS = [
    {"name": "users", "description": "Đăng nhập, tài khoản và mật khẩu"},
    {"name": "tokens", "description": "Token đặt tên cho chương trình (quản trị)"},
    {"name": "tasks", "description": "Nhiệm vụ: tiến độ, hoàn thành, vướng mắc, gia hạn"},
    {"name": "evidence", "description": "Tệp tài liệu kiểm chứng"},
    {"name": "plans", "description": "Kế hoạch, yêu cầu của kế hoạch, mục tiêu và kết quả điểm"},
    {"name": "agencies", "description": "Danh mục cơ quan và việc sắp xếp lại tổ chức"},
    {"name": "calendar", "description": "Ngày nghỉ, ngày làm việc riêng của tỉnh"},
    {"name": "views", "description": "Quá hạn, tiến độ theo cơ quan, bảng điểm, lịch sử"},
    {"name": "reminders", "description": "Thư nhắc hạn: xem trước, nhắc ngay"},
    {"name": "imports", "description": "Nhập kế hoạch từ văn bản (.docx, .xlsx), báo cáo"},
    {"name": "reports", "description": "Báo cáo quý, năm theo kế hoạch"},
    {"name": "scoring", "description": "Chấm điểm: tự đánh giá, thẩm định, kết quả"},
    {"name": "operations", "description": "Vận hành: tình trạng tiến trình, số đo"},
]


def create_app(
    planner: Planner,
    settings: WebSettings,
    reminders: ReminderService,
    services: Sequence[BackgroundService] = (),
    extensions: Sequence[Extension] = (),
) -> FastAPI:
    """The application on an open planner; `reminders` previews and sends e-mail on request,
    `services` run while it serves (the reminder scheduler), `extensions` add routers and menu
    entries (document import, reports)."""
    app = FastAPI(
        title="planner",
        version="0.1.0",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        generate_unique_id_function=_operation_id,
        lifespan=_running(services, settings.threads),
        docs_url=None,
        redoc_url=None,
    )
    app.state.web = Web(
        planner=planner,
        settings=settings,
        tokens=Tokens(settings.session_secret, settings.session_hours * 3600),
        throttle=_throttle(planner),
        files=EvidenceFiles(settings.files_dir, settings.max_upload_bytes),
        reminders=reminders,
    )
    app.state.menu = [
        (e.menu_label, e.menu_path, e.menu_for_everyone) for e in extensions if e.menu_label
    ]
    app.state.outage = OutageLog()
    app.state.metrics = operations.Metrics()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    errors.install(app)
    app.include_router(operations.router)
    for module in (
        user_routes,
        token_routes,
        task_routes,
        plan_routes,
        agency_routes,
        calendar_routes,
        view_routes,
        reminder_routes,
    ):
        app.include_router(module.router, responses=ERRORS)
    pages = (docs_page, login_pages, task_pages, dashboard_pages, plan_pages, account_pages)
    for page in pages:
        app.include_router(page.router)
    for extension in extensions:
        app.include_router(extension.router, responses=ERRORS)
    app.add_middleware(
        AnswerHeaders, outage=app.state.outage, secure_cookies=settings.secure_cookies
    )
    app.add_middleware(operations.Measure, metrics=app.state.metrics)
    app.add_middleware(RequestLog)  # outermost: its id is on every line the request causes
    return app


def _operation_id(route: APIRoute) -> str:
    """`tasks-report_progress`: what a generated client names the call after."""
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def _throttle(planner: Planner) -> LoginThrottle:
    """Failed sign-ins counted in the database, beside the views, shared by every process."""
    throttle = LoginThrottle(planner.views.engine)
    with planner.database.schema_lock():
        throttle.create_table()
    return throttle


def _running(
    services: Sequence[BackgroundService], threads: int
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Routes are plain functions run in threads. With forty of them (the default), a
        # busy process spent its time passing Python's lock around: a task's JSON fell from
        # 458 to 227 answers a second at 16 connections; with four it held near 400.
        to_thread.current_default_thread_limiter().total_tokens = threads
        for service in services:
            service.start()
        try:
            yield
        finally:
            for service in reversed(services):
                service.stop()

    return lifespan
