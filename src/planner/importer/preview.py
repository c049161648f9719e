"""What an import will store, task by task beside the cells it came from: the preview people
check (and programs read in `--json`) before confirming."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from planner.importer.ledger import CellUse, Use
from planner.importer.report import ImportReport
from planner.importer.source import Origin


def preview(report: ImportReport) -> dict[str, Any]:
    """Tasks with their source cells; headings, headers and cells only a finding names."""
    by_task: dict[str, list[CellUse]] = defaultdict(list)
    others: dict[Use, list[CellUse]] = defaultdict(list)
    for use in report.cells:
        (by_task[use.key] if use.use is Use.TASK else others[use.use]).append(use)
    tasks = report.document.tasks if report.document is not None else ()
    return {
        "tasks": [
            {
                "reference": task.reference,
                "context": task.context,
                "text": task.text,
                "lead": list(task.lead),
                "lead_wording": task.lead_wording,
                "coordinating": list(task.coordinating),
                "coordinating_wording": task.coordinating_wording,
                "schedule": task.schedule.text,
                "criteria": [f"{c.index.value}:{c.code}" for c in task.criteria],
                "source": task.source,
                "cells": [_cell(use) for use in by_task.get(task.reference, [])],
            }
            for task in tasks
        ],
        "rows": _rows(report),
        "headings": [_cell(use) for use in others[Use.HEADING]],
        "headers": [_cell(use) for use in others[Use.HEADER]],
        "not_stored": [_cell(use) for use in others[Use.FINDING]],
    }


def _rows(report: ImportReport) -> list[dict[str, Any]]:
    """Each source row of the task tables, with its cells, what it became, its findings and
    the mark a person gave it: the rows people correct."""
    rows: dict[tuple[int, Origin], list[CellUse]] = defaultdict(list)
    for use in report.cells:
        rows[(use.table, use.origin)].append(use)
    findings: dict[str, list[str]] = defaultdict(list)
    for finding in report.findings.items:
        if finding.place.origin is not None:
            findings[str(finding.place.origin)].append(finding.message)
    unknown = [
        (place, f"không có cơ quan '{party.wording}' trong danh mục")
        for party in report.parties.values()
        if party.kind == "unknown"
        for place in party.places
    ]
    marks = {(r.table, r.source): r.role.value for r in report.corrections.rows}
    return [
        {
            "table": table,
            "source": str(origin),
            "cells": [
                {"column": u.column + 1, "text": u.text}
                for u in sorted(uses, key=lambda u: u.column)
            ],
            "read_as": _read_as(uses),
            "findings": [
                *findings.get(str(origin), []),
                *(note for place, note in unknown if _at(place, origin)),
            ],
            "mark": marks.get((table, str(origin))),
        }
        for (table, origin), uses in sorted(rows.items(), key=_in_order)
    ]


def _at(place: str, origin: Origin) -> bool:
    """'Phụ lục, dòng 14' names the row at 'dòng 14'."""
    return place == str(origin) or place.endswith(f", {origin}")


def _read_as(uses: list[CellUse]) -> list[dict[str, str]]:
    """'task PL I.2', 'heading …', 'header', 'finding': once each, in the row's column order."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    for use in sorted(uses, key=lambda u: u.column):
        found.setdefault((use.use.value, use.key), {"use": use.use.value, "key": use.key})
    return list(found.values())


def _in_order(item: tuple[tuple[int, Origin], list[CellUse]]) -> tuple[int, tuple[int, ...], int]:
    (table, origin), _ = item
    part = tuple(int(n) for n in re.findall(r"\d+", origin.part))
    return table, part, origin.line


def _cell(use: CellUse) -> dict[str, Any]:
    found = {"source": str(use.origin), "column": use.column + 1, "text": use.text}
    if use.field:
        found["field"] = use.field
    if use.use is Use.HEADING:
        found["heading"] = use.key
    return found
