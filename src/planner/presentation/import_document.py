"""An import's report as one JSON object, the same from `planner import --json` and the API."""

from __future__ import annotations

from typing import Any

from planner.application.imports import StoreOutcome
from planner.application.plan_document import PlanDocument
from planner.domain.criteria_set import max_total, survey_max
from planner.domain.import_corrections import corrections_json
from planner.domain.import_record import ImportRecord
from planner.importer.findings import Finding
from planner.importer.obligations import FoundObligation
from planner.importer.preview import preview
from planner.importer.report import ImportReport, TableSummary


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
