"""Kết quả: a unit's area sub-totals, total, index per cent and grade; the ranking of units.

Pure functions of the round's criteria and each unit's points, so they can be checked by hand
against the province's tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from planner.domain.criteria_set import Criterion
from planner.domain.criterion import CriterionCode
from planner.domain.points import plain
from planner.domain.score_target import ResultKind
from planner.domain.scoring.grades import Grade
from planner.domain.scoring.round import within
from planner.domain.scoring.scorecard import UnitScores

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class AreaResult:
    code: str
    name: str
    max_points: Decimal  # after removing the rows not evaluated
    achieved: Decimal


@dataclass(frozen=True)
class UnitResult:
    unit: str
    kind: ResultKind
    areas: tuple[AreaResult, ...]
    achieved: Decimal
    not_evaluated_max: Decimal
    maximum: Decimal  # 100 − not_evaluated_max
    percent: Decimal  # exact; rounded only for people
    grade: Grade


@dataclass(frozen=True)
class RankedUnit:
    rank: int
    result: UnitResult
    last_year_percent: Decimal | None
    last_year_rank: int | None

    @property
    def change(self) -> Decimal | None:
        """Percentage points gained since last year."""
        if self.last_year_percent is None:
            return None
        return self.result.percent - self.last_year_percent


def unit_result(criteria: Sequence[Criterion], scores: UnitScores) -> UnitResult:
    """Index % = achieved / (total maximum − max of rows not evaluated) × 100."""
    excluded = excluded_rows(criteria, scores)
    not_evaluated_max = plain(sum((c.max_points or Decimal(0) for c in excluded), Decimal(0)))
    areas = tuple(subtotal(area, scores, excluded) for area in criteria if area.code.depth == 1)
    total_max = sum((c.max_points or Decimal(0) for c in criteria if c.code.depth == 1), Decimal(0))
    achieved = plain(sum((a.achieved for a in areas), Decimal(0)))
    maximum = plain(total_max - not_evaluated_max)
    percent = achieved / maximum * HUNDRED if maximum else Decimal(0)
    return UnitResult(
        unit=scores.unit,
        kind=scores.kind,
        areas=areas,
        achieved=achieved,
        not_evaluated_max=not_evaluated_max,
        maximum=maximum,
        percent=percent,
        grade=Grade.of(percent),
    )


def excluded_rows(criteria: Sequence[Criterion], scores: UnitScores) -> list[Criterion]:
    """The rows marked not evaluated for the unit, each counted once."""
    marked = tuple(CriterionCode.parse(code) for code in scores.not_evaluated)
    # A row marked beneath another marked row is already excluded with it.
    return [
        c
        for c in criteria
        if c.code in marked and not any(m != c.code and within(c.code, m) for m in marked)
    ]


def subtotal(row: Criterion, scores: UnitScores, excluded: Sequence[Criterion]) -> AreaResult:
    """A row's points: the sum of the unit's points beneath it, less the rows not evaluated."""
    gone = sum(
        (c.max_points or Decimal(0) for c in excluded if within(c.code, row.code)), Decimal(0)
    )
    achieved = sum(
        (
            value
            for code, value in scores.points.items()
            if within(CriterionCode.parse(code), row.code)
            and not any(within(CriterionCode.parse(code), c.code) for c in excluded)
        ),
        Decimal(0),
    )
    return AreaResult(
        code=str(row.code),
        name=row.name,
        max_points=plain((row.max_points or Decimal(0)) - gone),
        achieved=plain(achieved),
    )


def rounded(percent: Decimal) -> Decimal:
    """Two decimals, half up, as the province publishes the index."""
    return percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def ranking(
    results: Iterable[UnitResult], last_year: Mapping[str, Decimal] | None = None
) -> list[RankedUnit]:
    """Units by index % from the highest; equal indices share a rank (1, 2, 2, 4)."""
    ordered = sorted(results, key=lambda r: (-r.percent, r.unit))
    previous = dict(last_year or {})
    earlier_ranks = _ranks(previous)
    ranked: list[RankedUnit] = []
    for position, result in enumerate(ordered, start=1):
        tied = ranked and ranked[-1].result.percent == result.percent
        rank = ranked[-1].rank if tied else position
        ranked.append(
            RankedUnit(rank, result, previous.get(result.unit), earlier_ranks.get(result.unit))
        )
    return ranked


def _ranks(percents: Mapping[str, Decimal]) -> dict[str, int]:
    ordered = sorted(percents.items(), key=lambda item: -item[1])
    ranks: dict[str, int] = {}
    for position, (unit, percent) in enumerate(ordered, start=1):
        ranks[unit] = next((ranks[u] for u, p in ordered[: position - 1] if p == percent), position)
    return ranks
