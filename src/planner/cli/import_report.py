"""An import's report, for people (Vietnamese tables) and for programs (one JSON object)."""

from __future__ import annotations

from collections import Counter

from rich.table import Table

from planner.application.imports import StoreOutcome
from planner.cli.output import console, errors, table
from planner.importer.findings import Finding
from planner.importer.report import ImportReport
from planner.presentation.vietnamese import format_date

_KINDS = {
    "mixed": "tiêu chí và nhiệm vụ",
    "criteria": "tiêu chí, mục tiêu",
    "tasks": "nhiệm vụ",
    "criteria_framework": "bộ tiêu chí",
}
_STORED = {
    "plan": "kế hoạch",
    "target": "mục tiêu",
    "task": "nhiệm vụ",
    "obligation": "yêu cầu",
    "criteria_set": "bộ tiêu chí",
    "corrections": "bản sửa cách đọc văn bản",
    "alias": "tên gọi khác của cơ quan",
}
_SHOWN_WARNINGS = 40


def print_report(report: ImportReport, outcome: StoreOutcome | None, dry_run: bool) -> None:
    header = report.header
    number = report.document.plan.number if report.document and report.document.plan else None
    console.print(
        f"[bold]{report.file}[/] ({report.format}): {header.kind.capitalize() or 'văn bản'} "
        f"số {number or header.number or '?'} — {header.province or '?'}, ngày "
        f"{format_date(header.issued_on) or '?'}, năm {header.year or '?'}"
    )
    if header.title:
        console.print(header.title)
    if report.corrections:
        console.print(f"[bold]Đọc theo các sửa:[/] {_corrections_said(report)}", markup=True)
    if report.tables:
        console.print(_tables(report))
    console.print(
        f"Tiêu chí: {report.criteria} · nhiệm vụ: {report.tasks} · yêu cầu có thời hạn: "
        f"{len(report.obligations)} · bộ tiêu chí: "
        f"{len(report.document.criteria_sets) if report.document else 0}"
    )
    for note in report.not_found:
        console.print(f"[yellow]Không tìm thấy:[/] {note}")
    _print_findings(report.warnings, "Cảnh báo")
    _print_outcome(outcome, dry_run)


def _corrections_said(report: ImportReport) -> str:
    """'số 45/KH-UBND; 1 tên cơ quan; 1 dòng' — what the reading was told."""
    said = report.corrections
    parts = [
        f"số {said.number}" if said.number else "",
        f"ngày {format_date(said.issued_on)}" if said.issued_on else "",
        f"năm {said.year}" if said.year else "",
        f"{len(said.agencies)} tên cơ quan" if said.agencies else "",
        f"{len(said.rows)} dòng" if said.rows else "",
        f"{len(said.columns)} cột" if said.columns else "",
    ]
    return "; ".join(p for p in parts if p)


def print_errors(report: ImportReport) -> None:
    for finding in report.errors:
        errors.print(f"[bold red]Lỗi:[/] {finding}")
    errors.print(f"Không nhập gì: {len(report.errors)} lỗi phải sửa trong văn bản trước.")


def _tables(report: ImportReport) -> Table:
    shown = table(
        "Các bảng tìm thấy", "Bảng", "Loại", "#Chỉ số", "#Dòng", "#Tiêu chí", "#Nhiệm vụ", "Vị trí"
    )
    for found in report.tables:
        shown.add_row(
            found.label,
            _KINDS.get(found.kind, found.kind),
            found.index or found.unit_kind or "",
            str(found.rows),
            str(found.criteria),
            str(found.tasks),
            f"{found.first_source} – {found.last_source}",
        )
    return shown


def _print_findings(findings: list[Finding], title: str) -> None:
    if not findings:
        return
    console.print(f"[bold yellow]{title} ({len(findings)}):[/]")
    for finding in findings[:_SHOWN_WARNINGS]:
        console.print(f"  • {finding}", markup=False)
    if len(findings) > _SHOWN_WARNINGS:
        console.print(f"  … và {len(findings) - _SHOWN_WARNINGS} cảnh báo khác (xem --json)")


def _print_outcome(outcome: StoreOutcome | None, dry_run: bool) -> None:
    if outcome is None:
        return
    added = _phrase(outcome.added)
    changed = _phrase(outcome.changed)
    unchanged = sum(outcome.unchanged.values())
    parts = [f"thêm {added}" if added else "", f"cập nhật {changed}" if changed else ""]
    done = ", ".join(p for p in parts if p)
    if dry_run:
        said = f"Chạy thử (--dry-run), không ghi gì; sẽ {done or 'không thay đổi gì'}"
    else:
        said = f"Đã {done}" if done else "Không có gì thay đổi"
    console.print(f"[bold green]{said}[/] ({unchanged} mục đã có sẵn, không đổi).")
    for note in outcome.notes:
        console.print(f"  • {note}", markup=False)
    if outcome.not_in_document:
        console.print(
            f"[yellow]{len(outcome.not_in_document)} nhiệm vụ có trong kho nhưng văn bản "
            "không còn ghi (không tự hủy):[/]"
        )
        for item in outcome.not_in_document:
            console.print(f"  • {item}", markup=False)


def _phrase(counts: Counter[str]) -> str:
    return ", ".join(f"{n} {_STORED.get(kind, kind)}" for kind, n in counts.items() if n)
