"""The web application on a real port (uvicorn), as `planner serve` starts it."""

from __future__ import annotations

import contextlib
import os
import socket
from typing import Any, NoReturn

import typer
import uvicorn
from uvicorn.supervisors import Multiprocess

from api.collector import tune_for_serving
from api.listening_port import PortUnavailable, open_listener
from planner.application.clock import FixedClock, SystemClock
from planner.application.planner import Planner
from planner.bootstrap.container import Container
from planner.bootstrap.logs import configure_logging
from planner.bootstrap.reminder_scheduler import reminder_services
from planner.cli.output import console, errors, table
from planner.demo.loader import AS_OF, load_demo
from planner.demo.logins import demo_logins
from planner.domain.errors import DomainError
from planner.presentation.vietnamese import format_date

WORKER_APP = "planner.bootstrap.web_worker:application"


def run(
    container: Container,
    host: str,
    port: int,
    demo: bool,
    scheduler: bool | None,
    workers: int = 1,
) -> None:
    """Take the port, open planner, optionally load the demo and print its logins, then serve
    until stopped with the reminder scheduler in-process (None: as PLANNER_SCHEDULER says).

    With several workers, uvicorn's process manager starts them on the port taken here and
    starts a worker again if one dies; each builds the application (`web_worker`).
    """
    settings = container.settings
    configure_logging(settings.log_format, settings.log_level, settings.access_log)
    if workers > 1 and settings.database_url.startswith("sqlite"):
        _refuse(
            ValueError(
                f"--workers {workers}: SQLite chỉ phục vụ một tiến trình; hãy dùng PostgreSQL "
                "(PLANNER_DATABASE_URL=postgresql://…) hoặc bỏ --workers"
            )
        )
    try:
        # Before anything is touched: a busy port must not cost a running server its logins.
        listener = open_listener(host, port)
    except PortUnavailable as error:
        _refuse(error)
    with listener:
        if workers > 1:
            _serve_in_workers(container, listener, host, demo, scheduler, workers)
        else:
            _serve(container, listener, host, demo, scheduler)


def _refuse(error: Exception) -> NoReturn:
    errors.print(f"[bold red]Lỗi:[/] {error}")
    raise typer.Exit(1) from None


def _serve(
    container: Container, listener: socket.socket, host: str, demo: bool, scheduler: bool | None
) -> None:
    port: int = listener.getsockname()[1]
    try:
        wanted = container.settings.scheduler if scheduler is None else scheduler
        if demo:
            _load_demo(container)
        planner = container.open_planner()
        if demo:
            _print_logins(planner, host, port)
        services = reminder_services(container, planner, wanted)
    except DomainError as error:
        _refuse(error)
    if not container.web_settings.secret_from_environment:
        console.print(
            "[yellow]Lưu ý:[/] chưa đặt PLANNER_SESSION_SECRET; "
            "phiên đăng nhập hết khi khởi động lại."
        )
    console.print(f"planner đang chạy tại [bold]http://{host}:{port}/[/] (API: /docs)")
    try:
        app = container.web_app(planner, services)
        tune_for_serving()
        config = uvicorn.Config(app, host=host, port=port, **uvicorn_options(container))
        _run_uvicorn(config, listener)
    finally:
        planner.close()


def _serve_in_workers(
    container: Container,
    listener: socket.socket,
    host: str,
    demo: bool,
    scheduler: bool | None,
    workers: int,
) -> None:
    port: int = listener.getsockname()[1]
    # The workers read their settings afresh, from this environment.
    if scheduler is not None:
        os.environ["PLANNER_SCHEDULER"] = "on" if scheduler else "off"
    if not container.web_settings.secret_from_environment:
        # One secret for all: a sign-in must hold whichever worker answers the next request.
        os.environ["PLANNER_SESSION_SECRET"] = container.web_settings.session_secret
    try:
        if demo:
            _load_demo(container)
        with container.open_planner() as planner:  # tables made once, before the workers
            if demo:
                _print_logins(planner, host, port)
    except DomainError as error:
        _refuse(error)
    console.print(
        f"planner đang chạy tại [bold]http://{host}:{port}/[/] với {workers} tiến trình "
        "(API: /docs)"
    )
    config = uvicorn.Config(
        WORKER_APP,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        **uvicorn_options(container),
    )
    with contextlib.suppress(KeyboardInterrupt):
        Multiprocess(config, sockets=[listener]).run()


def uvicorn_options(container: Container) -> dict[str, Any]:
    """planner's logging in place of uvicorn's (its access lines are ours, with the user and
    a request id), and the client's address from X-Forwarded-For only from trusted proxies."""
    settings = container.settings
    return {
        "log_config": None,
        "log_level": settings.log_level,
        "access_log": False,
        "proxy_headers": True,
        "forwarded_allow_ips": settings.trusted_proxies,
    }


def _run_uvicorn(config: uvicorn.Config, listener: socket.socket) -> None:
    """What `uvicorn.run` does, on the socket already taken."""
    server = uvicorn.Server(config)
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[listener])
    if not server.started:
        raise typer.Exit(1)


def _load_demo(container: Container) -> None:
    """The sample plan with its 2023 reports, replayed on the dates they were made."""
    clock = FixedClock(SystemClock().now())
    with container.open_planner(clock) as planner:
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
