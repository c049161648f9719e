"""The web application on a real port (uvicorn), as `planner serve` starts it."""

from __future__ import annotations

import contextlib
import socket

import typer
import uvicorn

from api.app import create_app
from api.collector import tune_for_serving
from api.imports import import_extension
from api.listening_port import PortUnavailable, open_listener
from api.reports import report_extension
from api.scoring import scoring_extension
from api.settings import WebSettings
from notifications.sending import reminder_service
from planner.application.clock import Clock, FixedClock, SystemClock
from planner.application.planner import Planner
from planner.application.reminder_settings import ReminderSettings
from planner.bootstrap.reminder_scheduler import STANDBY_POLL_SECONDS, reminder_services
from planner.cli.output import console, errors, table
from planner.demo.loader import AS_OF, load_demo
from planner.demo.logins import demo_logins
from planner.domain.errors import DomainError
from planner.presentation.vietnamese import format_date
from planner.settings import Settings


def run(
    host: str,
    port: int,
    demo: bool,
    scheduler: bool,
    clock: Clock | None = None,
    standby_poll_seconds: float = STANDBY_POLL_SECONDS,
) -> None:
    """Take the port, open planner, optionally load the demo and print its logins, then serve
    until stopped with the reminder scheduler in-process; `clock` is the system's unless a test
    sets one, and a test may have a standing-by scheduler ask for the leader's lock more often."""
    settings = Settings.from_env()
    web_settings = WebSettings.from_env()
    try:
        # Before anything is touched: a busy port must not cost a running server its logins.
        listener = open_listener(host, port)
    except PortUnavailable as error:
        errors.print(f"[bold red]Lỗi:[/] {error}")
        raise typer.Exit(1) from None
    with listener:
        _serve(listener, host, settings, web_settings, demo, scheduler, clock, standby_poll_seconds)


def _serve(
    listener: socket.socket,
    host: str,
    settings: Settings,
    web_settings: WebSettings,
    demo: bool,
    scheduler: bool,
    clock: Clock | None,
    standby_poll_seconds: float,
) -> None:
    port: int = listener.getsockname()[1]
    try:
        if demo:
            _load_demo(settings)
        planner = Planner(settings, clock)
        if demo:
            _print_logins(planner, host, port)
        services = reminder_services(planner, scheduler, standby_poll_seconds)
    except DomainError as error:
        errors.print(f"[bold red]Lỗi:[/] {error}")
        raise typer.Exit(1) from None
    if not web_settings.secret_from_environment:
        console.print(
            "[yellow]Lưu ý:[/] chưa đặt PLANNER_SESSION_SECRET; "
            "phiên đăng nhập hết khi khởi động lại."
        )
    console.print(f"planner đang chạy tại [bold]http://{host}:{port}/[/] (API: /docs)")
    try:
        extensions = (import_extension(), report_extension(), scoring_extension())
        reminders = reminder_service(planner, ReminderSettings.from_env())
        app = create_app(planner, web_settings, reminders, services, extensions)
        tune_for_serving()
        _run_uvicorn(uvicorn.Config(app, host=host, port=port, log_level="warning"), listener)
    finally:
        planner.close()


def _run_uvicorn(config: uvicorn.Config, listener: socket.socket) -> None:
    """What `uvicorn.run` does, on the socket already taken."""
    server = uvicorn.Server(config)
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[listener])
    if not server.started:
        raise typer.Exit(1)


def _load_demo(settings: Settings) -> None:
    """The sample plan with its 2023 reports, replayed on the dates they were made."""
    clock = FixedClock(SystemClock().now())
    with Planner(settings, clock) as planner:
        load_demo(planner, clock)


def _print_logins(planner: Planner, host: str, port: int) -> None:
    shown = table(
        "Tài khoản thử (mật khẩu tạo mới mỗi lần chạy)",
        "Tên đăng nhập",
        "Cơ quan",
        "Vai trò",
        "Mật khẩu",
    )
    for login in demo_logins(planner):
        shown.add_row(login.username, login.agency, login.role.value, login.password)
    console.print(shown)
    console.print(
        f"Số liệu mẫu tính đến {format_date(AS_OF)}: "
        f"http://{host}:{port}/dashboard?on={format_date(AS_OF)} (Sở Nội vụ), "
        f"http://{host}:{port}/my-tasks?on={format_date(AS_OF)} (cán bộ cơ quan)"
    )
