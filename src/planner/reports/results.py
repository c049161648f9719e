"""Where results come from: those typed on the score targets, and any a source adds.

The PAR scoring rounds (self-assessment, appraisal, publication) feed their results
through a `ResultSource` (planner.reports.scoring_source). A source's result replaces the
target's own when it is at least as authoritative (official > appraised > self-assessed):
the round is where results are made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Protocol
from uuid import UUID

from planner.domain.score_target import ResultKind
from planner.queries.score_board import NUMERIC_TARGETS, ScoreLine


@dataclass(frozen=True)
class CriterionResult:
    """A result for one criterion of a plan's index in one year."""

    index: str  # PAR_INDEX, SIPAS, PAPI
    year: int
    code: str  # "" for the index total
    kind: ResultKind
    points: Decimal


class ResultSource(Protocol):
    def results(self, plan_id: UUID, as_of: date) -> Iterable[CriterionResult]:
        """The most authoritative result per criterion known at the end of `as_of`."""
        ...


def with_results(lines: Iterable[ScoreLine], results: Iterable[CriterionResult]) -> list[ScoreLine]:
    """The stated lines, each carrying the most authoritative of its own and the given results."""
    best: dict[tuple[str, int, str], CriterionResult] = {}
    for result in results:
        key = (result.index, result.year, result.code)
        if key not in best or result.kind.authority > best[key].kind.authority:
            best[key] = result
    return [_with(line, best.get((line.index, line.year, line.code))) for line in lines]


def _with(line: ScoreLine, result: CriterionResult | None) -> ScoreLine:
    if result is None:
        return line
    if line.result_kind and ResultKind(line.result_kind).authority > result.kind.authority:
        return line
    target = line.target_value if line.target_kind in NUMERIC_TARGETS else None
    return replace(
        line,
        result_kind=result.kind.value,
        result_points=result.points,
        gap=target - result.points if target is not None else None,
    )
