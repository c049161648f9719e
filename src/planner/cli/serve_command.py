"""`planner serve`: the web application."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.cli.wiring import wiring


def serve(
    host: Annotated[str, typer.Option("--host", help="Địa chỉ lắng nghe.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Cổng.")] = 8000,
    demo: Annotated[
        bool, typer.Option("--demo", help="Nạp kế hoạch mẫu và tạo tài khoản thử (mật khẩu mới).")
    ] = False,
    scheduler: Annotated[
        bool | None,
        typer.Option(
            "--scheduler/--no-scheduler",
            help="Chạy bộ lập lịch nhắc hạn trong cùng tiến trình (cần PLANNER_SMTP_HOST); "
            "mặc định theo PLANNER_SCHEDULER, bật.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Số tiến trình phục vụ (cần PostgreSQL khi nhiều hơn 1); thường bằng số lõi CPU.",
        ),
    ] = 1,
) -> None:
    """Chạy ứng dụng web (trang tiếng Việt, API JSON tại /api, tài liệu API tại /docs) cùng bộ
    lập lịch nhắc hạn và gửi báo cáo."""
    wiring().serve(host, port, demo, scheduler, workers)
