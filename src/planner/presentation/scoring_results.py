"""A scoring round's results as one JSON object: `planner scoring results --json`, the API."""

from __future__ import annotations

from typing import Any

from planner.application.scoring import ScoringResults
from planner.domain.scoring.results import rounded


def results_document(found: ScoringResults) -> dict[str, Any]:
    """The JSON of `planner scoring results --json` (documented in README.md)."""
    return {
        "year": found.year,
        "unit_kind": found.unit_kind,
        "calendar": found.calendar,
        "units": [
            {
                "rank": r.rank,
                "unit": r.result.unit,
                "name": found.names.get(r.result.unit, r.result.unit),
                "kind": r.result.kind,
                "achieved": r.result.achieved,
                "not_evaluated_max": r.result.not_evaluated_max,
                "maximum": r.result.maximum,
                "percent": rounded(r.result.percent),
                "grade": r.result.grade,
                "grade_label": r.result.grade.label,
                "last_year_percent": (
                    rounded(r.last_year_percent) if r.last_year_percent is not None else None
                ),
                "last_year_rank": r.last_year_rank,
                "change": rounded(r.change) if r.change is not None else None,
                "areas": r.result.areas,
            }
            for r in found.ranked
        ],
    }
