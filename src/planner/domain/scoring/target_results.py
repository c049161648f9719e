"""A unit's results on the criteria its own plan sets targets for (Mục tiêu of Chỉ số CCHC).

A target on a sub-criterion gets the unit's points for it; a target on a criterion or an area
gets the sum of the unit's points beneath it, as the area sub-totals of the results are summed;
a target on the index total gets the unit's total points, or its index % if the target is one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from planner.domain.criteria_set import Criterion
from planner.domain.criterion import CriterionCode
from planner.domain.score_target import ResultKind
from planner.domain.scoring.results import excluded_rows, rounded, subtotal, unit_result
from planner.domain.scoring.round import within
from planner.domain.scoring.scorecard import UnitScores


@dataclass(frozen=True)
class StatedTarget:
    """What a plan's row asks of a criterion: its code, and whether it is a percentage."""

    code: CriterionCode
    percent: bool = False


@dataclass(frozen=True)
class TargetResult:
    code: CriterionCode
    kind: ResultKind
    points: Decimal


def target_results(
    criteria: Sequence[Criterion], scores: UnitScores, stated: Iterable[StatedTarget]
) -> list[TargetResult]:
    """The unit's result for each stated row the round scores and the unit has points under.

    Rows the round does not have, rows not evaluated for the unit and rows with no points yet
    get no result: the report then keeps what was entered on the target.
    """
    excluded = excluded_rows(criteria, scores)
    by_code = {row.code: row for row in criteria}
    found: list[TargetResult] = []
    for target in stated:
        if target.code.depth == 0:
            total = unit_result(criteria, scores)
            points = rounded(total.percent) if target.percent else total.achieved
            found.append(TargetResult(target.code, scores.kind, points))
            continue
        row = by_code.get(target.code)
        if row is None or any(within(row.code, gone.code) for gone in excluded):
            continue
        if not any(within(CriterionCode.parse(code), row.code) for code in scores.points):
            continue
        found.append(TargetResult(row.code, scores.kind, subtotal(row, scores, excluded).achieved))
    return found
