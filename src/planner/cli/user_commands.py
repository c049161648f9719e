"""`planner users ...`: accounts for the web application; passwords come from standard input."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from planner.cli.command_group import command_group
from planner.cli.output import console, print_json, table
from planner.cli.session import opened
from planner.cli.wiring import wiring
from planner.domain.actor import Actor, Role
from planner.domain.errors import InvalidValue

app = command_group(help="Tài khoản đăng nhập: thêm, khóa, đặt lại mật khẩu.")

Reason = Annotated[str, typer.Option("--reason", help="Lý do.")]


def _administrator(monitor_agency: str) -> Actor:
    """Whoever runs the command line on the server administers accounts."""
    return Actor(wiring().user, monitor_agency, Role.ADMIN)


def _password() -> str:
    """One line from standard input, or typed twice at a terminal."""
    if sys.stdin.isatty():
        first = getpass.getpass("Mật khẩu: ")
        if getpass.getpass("Nhập lại mật khẩu: ") != first:
            raise InvalidValue("hai lần nhập mật khẩu không khớp")
        return first
    return sys.stdin.readline().rstrip("\r\n")


@app.command("add")
def add(
    username: str,
    agency: Annotated[str, typer.Option("--agency", help="Mã cơ quan của người dùng.")],
    role: Annotated[Role, typer.Option("--role", help="agency, monitor hoặc admin.")],
) -> None:
    """Thêm tài khoản (mật khẩu đọc từ đầu vào chuẩn)."""
    with opened() as planner:
        planner.users.add(
            username, agency, role, _password(), _administrator(planner.settings.monitor_agency)
        )
    console.print(f"Đã thêm tài khoản [bold]{username.strip().lower()}[/]")


@app.command("reset-password")
def reset_password(username: str) -> None:
    """Đặt lại mật khẩu (đọc từ đầu vào chuẩn); các phiên đăng nhập cũ hết hiệu lực."""
    with opened() as planner:
        planner.users.reset_password(
            username, _password(), _administrator(planner.settings.monitor_agency)
        )
    console.print(f"Đã đặt lại mật khẩu cho {username}")


@app.command("disable")
def disable(username: str, reason: Reason) -> None:
    """Khóa tài khoản: không đăng nhập được nữa, lịch sử vẫn giữ nguyên."""
    with opened() as planner:
        planner.users.disable(username, reason, _administrator(planner.settings.monitor_agency))
    console.print(f"Đã khóa tài khoản {username}")


@app.command("enable")
def enable(username: str, reason: Reason) -> None:
    """Mở khóa tài khoản."""
    with opened() as planner:
        planner.users.enable(username, reason, _administrator(planner.settings.monitor_agency))
    console.print(f"Đã mở khóa tài khoản {username}")


@app.command("list")
def list_users(json_: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Mọi tài khoản, cơ quan, vai trò và trạng thái."""
    with opened() as planner:
        found = planner.views.users()
    if json_:
        print_json({"users": found})
        return
    shown = table("Tài khoản", "Tên đăng nhập", "Cơ quan", "Vai trò", "Trạng thái")
    for user in found:
        state = "đang hoạt động" if user.active else "đã khóa"
        shown.add_row(user.username, user.agency, user.role, state)
    console.print(shown)
