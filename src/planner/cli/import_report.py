"""An import's report, for people (Vietnamese tables) and for programs (one JSON object)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.table import Table

from planner.application.imports import StoreOutcome
from planner.application.plan_document import PlanDocument
from planner.cli.output import console, errors, table
from planner.domain.criteria_set import max_total, survey_max
from planner.domain.import_corrections import corrections_json
from planner.domain.import_record import ImportRecord
from planner.importer.findings import Finding
from planner.importer.obligations import FoundObligation
from planner.importer.preview import preview
from planner.importer.report import ImportReport, TableSummary
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


def report_json(
    report: ImportReport,
    outcome: StoreOutcome | None,
    dry_run: bool,
    kept: ImportRecord | None = None,
) -> dict[str, Any]:
    """`kept` are the corrections an earlier import recorded for this document."""
    document = report.document
    return {
        "file": report.file,
        "format": report.format,
        "dry_run": dry_run,
        "document": _document(report),
        "tables": [_table(t) for t in report.tables],
        "counts": _counts(report, document),
        "criteria": report.criteria,
        "tasks": report.tasks,
        "agencies": _agencies(report),
        "schedules": dict(report.schedules),
        "obligations": [_obligation(o) for o in report.obligations],
        "criteria_sets": _criteria_sets(document),
        "not_found": report.not_found,
        "warnings": [_finding(f) for f in report.warnings],
        "errors": [_finding(f) for f in report.errors],
        "preview": preview(report),
        "corrections": corrections_json(report.corrections),
        "corrections_kept": None
        if kept is None
        else {
            "recorded_at": kept.recorded_at,
            "recorded_by": kept.recorded_by,
            "reason": kept.reason,
            "corrections": corrections_json(kept.corrections),
        },
        "stored": _stored(outcome),
    }


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


def _document(report: ImportReport) -> dict[str, Any]:
    header = report.header
    plan = report.document.plan if report.document else None
    return {
        "kind": report.kind,
        "type": header.kind,
        "number": plan.number if plan else header.number,
        "title": header.title,
        "province": header.province,
        "issuer": header.issuer,
        "issued_on": header.issued_on,
        "year": header.year,
        "indices": list(plan.indices if plan else header.indices),
    }


def _table(found: TableSummary) -> dict[str, Any]:
    return {
        "label": found.label,
        "caption": found.caption,
        "kind": found.kind,
        "index": found.index,
        "unit_kind": found.unit_kind,
        "rows": found.rows,
        "repeated_headers": found.repeated_headers,
        "source": {"from": found.first_source, "to": found.last_source},
        "criteria": found.criteria,
        "tasks": found.tasks,
        "columns": [
            {"header": c.header, "meaning": c.meaning, "year": c.year} for c in found.columns
        ],
    }


def _counts(report: ImportReport, document: PlanDocument | None) -> dict[str, int]:
    return {
        "tables": len(report.tables),
        "criteria": report.criteria,
        "targets": len(document.targets) if document else 0,
        "tasks": len(document.tasks) if document else 0,
        "obligations": len(document.obligations) if document else 0,
        "criteria_sets": len(document.criteria_sets) if document else 0,
    }


def _agencies(report: ImportReport) -> dict[str, Any]:
    parties: dict[str, list[dict[str, Any]]] = {
        "unknown": [],
        "descriptive": [],
        "whole_group": [],
        "empty_group": [],
        "inactive": [],
    }
    names = {"qualified_group": "whole_group"}
    for party in report.parties.values():
        parties[names.get(party.kind, party.kind)].append(
            {
                "wording": party.wording,
                "agencies": list(party.codes),
                "closest": list(party.closest),
                "places": party.places,
            }
        )
    return {"lead": dict(report.lead), "coordinating": dict(report.coordinating), **parties}


def _obligation(found: FoundObligation) -> dict[str, Any]:
    schedule = found.schedule
    return {
        "key": found.key,
        "text": found.text,
        "schedule_kind": schedule.kind.value,
        "schedule_text": schedule.text,
        "due_on": schedule.due_on,
        "recurrence": None
        if schedule.recurrence is None
        else {
            "every": schedule.recurrence.every.value,
            "day": schedule.recurrence.day,
            "month": schedule.recurrence.month,
        },
        "responsible": list(dict.fromkeys(c for m in found.responsible for c in m.codes)),
        "responsible_wording": [m.wording for m in found.responsible],
        "report_to": found.report_to,
        "source": str(found.place),
    }


def _criteria_sets(document: PlanDocument | None) -> list[dict[str, Any]]:
    if document is None:
        return []
    return [
        {
            "province": entry.province,
            "year": entry.year,
            "unit_kind": entry.unit_kind.value,
            "title": entry.title,
            "source": entry.source,
            "criteria": len(entry.criteria),
            "max_total": max_total(entry.criteria),
            "survey_max": survey_max(entry.criteria),
        }
        for entry in document.criteria_sets
    ]


def _finding(finding: Finding) -> dict[str, Any]:
    place = finding.place
    return {
        "message": finding.message,
        "table": place.table,
        "row": place.row,
        "column": place.column,
        "source": str(place.origin) if place.origin else None,
        "line": place.origin.line if place.origin else None,
        "text": str(finding),
    }


def _stored(outcome: StoreOutcome | None) -> dict[str, Any] | None:
    if outcome is None:
        return None
    return {
        "added": dict(outcome.added),
        "changed": dict(outcome.changed),
        "unchanged": dict(outcome.unchanged),
        "events": outcome.events,
        "not_in_document": outcome.not_in_document,
        "notes": outcome.notes,
    }
