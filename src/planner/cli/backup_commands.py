"""`planner backup` and `planner restore`: one archive with the events and the evidence files."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli.output import console, errors
from planner.cli.session import opened
from planner.cli.store_commands import progress_bar
from planner.cli.wiring import wiring
from planner.domain.errors import DomainError
from planner.presentation.vietnamese import format_datetime, format_number

if TYPE_CHECKING:
    from planner.backup.manifest import Manifest
    from planner.storage.evidence_files import EvidenceFiles

# Restored files were checked against the manifest; an upload's size limit does not apply.
NO_LIMIT = sys.maxsize


def backup(
    archive: Annotated[
        Path | None,
        typer.Argument(help="Tệp sao lưu; mặc định planner-<ngày>-<giờ>.tar.gz ở thư mục hiện tại"),
    ] = None,
) -> None:
    """Sao lưu sự kiện, tệp kiểm chứng và bảng kê SHA-256 vào một tệp .tar.gz."""
    from planner.application.clock import SystemClock
    from planner.backup.archive_writer import write_backup
    from planner.domain.vietnam_time import VIETNAM

    now = SystemClock().now()
    path = archive or Path(f"planner-{now.astimezone(VIETNAM):%Y%m%d-%H%M%S}.tar.gz")
    with opened() as planner, progress_bar("Sao lưu sự kiện") as bar:
        task = bar.add_task("backup", total=planner.store.position)
        written = write_backup(
            planner.store,
            _evidence_files(),
            path,
            now,
            "sqlite" if planner.database.is_sqlite else "postgresql",
            lambda done, total: bar.update(task, completed=done, total=total),
        )
    manifest = written.manifest
    console.print(
        f"Đã sao lưu {manifest.event_count} sự kiện (tới sự kiện số "
        f"{manifest.last_notification_id}) và {manifest.file_count()} tệp kiểm chứng vào {path} "
        f"({_size(path.stat().st_size)})."
    )
    if written.missing_files:
        errors.print(
            f"[bold yellow]Cảnh báo:[/] {len(written.missing_files)} tệp kiểm chứng mà sự kiện "
            f"nhắc tới không có (hoặc hỏng) trong {wiring().files_dir}: "
            f"{', '.join(written.missing_files)}; đã ghi tên chúng vào bảng kê."
        )
    if written.damaged_files:
        errors.print(
            f"[bold yellow]Cảnh báo:[/] {len(written.damaged_files)} tệp trong "
            f"{wiring().files_dir} đã hỏng (nội dung không khớp mã SHA-256 trong tên), không "
            f"đưa vào bản sao lưu: {', '.join(written.damaged_files)}."
        )


def restore(
    archive: Annotated[Path, typer.Argument(help="Tệp do planner backup tạo")],
    check: Annotated[
        bool, typer.Option("--check", help="Chỉ kiểm tra bản sao lưu, không ghi gì.")
    ] = False,
) -> None:
    """Phục hồi bản sao lưu vào kho trống: kiểm tra toàn bộ trước, hỏng thì không ghi gì."""
    from planner.backup.archive_check import check_backup
    from planner.backup.restore import restore_backup

    if check:
        try:
            manifest = check_backup(archive, None)
        except DomainError as error:
            errors.print(f"[bold red]Lỗi:[/] {error}")
            raise typer.Exit(1) from None
        console.print(f"{_described(manifest)}: kiểm tra xong, không có lỗi.")
        return
    with opened() as planner, progress_bar("Phục hồi sự kiện") as bar:
        task = bar.add_task("restore", total=None)
        restored = restore_backup(
            planner.store,
            _evidence_files(),
            archive,
            lambda done, total: bar.update(task, completed=done, total=total),
        )
        views = bar.add_task("views", total=restored.events)
        planner.projector.catch_up(
            lambda done, total: bar.update(views, completed=done, total=total)
        )
    console.print(
        f"{_described(restored.manifest)}: đã phục hồi {restored.events} sự kiện và "
        f"{restored.files} tệp kiểm chứng vào {wiring().files_dir}, đã dựng lại các bảng tổng "
        "hợp."
    )


def _evidence_files() -> EvidenceFiles:
    from planner.storage.evidence_files import EvidenceFiles

    return EvidenceFiles(wiring().files_dir, NO_LIMIT)


def _described(manifest: Manifest) -> str:
    return (
        f"Bản sao lưu lúc {format_datetime(manifest.created_at)} (planner "
        f"{manifest.planner_version}, {manifest.event_count} sự kiện, "
        f"{manifest.file_count()} tệp kiểm chứng)"
    )


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{format_number(size // 1024 or 1)} KB"
    return f"{format_number(Decimal(size) / (1024 * 1024), 1)} MB"
