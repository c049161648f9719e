"""What an import will store, task by task beside the cells it came from: the preview people
check (and programs read in `--json`) before confirming."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from planner.importer.ledger import CellUse, Use
from planner.importer.report import ImportReport


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
        "headings": [_cell(use) for use in others[Use.HEADING]],
        "headers": [_cell(use) for use in others[Use.HEADER]],
        "not_stored": [_cell(use) for use in others[Use.FINDING]],
    }


def _cell(use: CellUse) -> dict[str, Any]:
    found = {"source": str(use.origin), "column": use.column + 1, "text": use.text}
    if use.field:
        found["field"] = use.field
    if use.use is Use.HEADING:
        found["heading"] = use.key
    return found
