"""`planner init | demo | events ... | projections ...`: the store itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from planner.application.clock import FixedClock, SystemClock
from planner.cli import view_commands
from planner.cli.command_group import command_group
from planner.cli.output import console, errors
from planner.cli.session import opened
from planner.demo.sample_plan import PLAN_NUMBER
from planner.presentation.vietnamese import format_date

events = command_group(help="Sao lưu và khôi phục kho sự kiện (JSON lines).")
projections = command_group(help="Các bảng tổng hợp dựng từ sự kiện.")


@contextmanager
def progress_bar(label: str) -> Iterator[Progress]:
    with Progress(
        f"[bold]{label}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console
    ) as bar:
        yield bar


def init() -> None:
    """Tạo kho dữ liệu và danh mục cơ quan mặc định (chạy lại không sao)."""
    with opened() as planner:
        added = planner.agencies.register_defaults(planner.system)
    console.print(f"Kho dữ liệu sẵn sàng ({planner.settings.database_url}); thêm {added} cơ quan.")


def demo() -> None:
    """Nạp kế hoạch mẫu 365/KH-UBND của Bắc Kạn và một năm báo cáo, rồi in tiến độ và quá hạn."""
    from planner.demo.loader import AS_OF, load_demo

    clock = FixedClock(SystemClock().now())
    with opened(clock) as planner:
        loaded = load_demo(planner, clock)
    state = "Đã nạp" if loaded else "Đã có sẵn"
    console.print(
        f"{state} kế hoạch mẫu {PLAN_NUMBER} (Bắc Kạn, 2023). "
        f"Số liệu tính đến ngày {format_date(AS_OF)}, hạn báo cáo năm."
    )
    day = format_date(AS_OF)
    view_commands.progress(plan=PLAN_NUMBER, on=day, json_=False)
    view_commands.overdue(plan=PLAN_NUMBER, on=day, agency=None, json_=False)
    console.print(
        "Thử thêm: planner scores --plan 365/KH-UBND · planner task list --plan 365/KH-UBND · "
        "planner history <mã nhiệm vụ>"
    )


@events.command("export")
def export(path: Path) -> None:
    """Ghi toàn bộ sự kiện ra tệp JSON lines."""
    from planner.backup.event_lines import export_events

    with opened() as planner, progress_bar("Xuất sự kiện") as bar:
        task = bar.add_task("export", total=planner.store.position)
        count = export_events(
            planner.store, path, lambda done, _total: bar.update(task, completed=done)
        )
    console.print(f"Đã xuất {count} sự kiện ra {path}")


@events.command("import")
def import_(path: Path) -> None:
    """Nạp tệp JSON lines vào kho trống, rồi dựng các bảng tổng hợp."""
    from planner.backup.event_lines import import_events

    if not path.is_file():
        errors.print(f"[bold red]Lỗi:[/] không có tệp {path}")
        raise typer.Exit(1)
    with opened() as planner, progress_bar("Nạp sự kiện") as bar:
        task = bar.add_task("import", total=None)
        count = import_events(
            planner.store, path, lambda done, total: bar.update(task, completed=done, total=total)
        )
        views = bar.add_task("views", total=count)
        planner.projector.catch_up(
            lambda done, total: bar.update(views, completed=done, total=total)
        )
    console.print(f"Đã nạp {count} sự kiện từ {path}")


@projections.command("rebuild")
def rebuild() -> None:
    """Xóa và dựng lại mọi bảng tổng hợp từ sự kiện."""
    with opened() as planner, progress_bar("Dựng lại bảng tổng hợp") as bar:
        task = bar.add_task("rebuild", total=planner.store.position)
        position = planner.projector.rebuild(
            lambda done, total: bar.update(task, completed=done, total=total)
        )
    console.print(f"Đã dựng lại các bảng tổng hợp tới sự kiện {position}")
