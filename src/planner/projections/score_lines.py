"""Lines of the score board (Bảng điểm) and how totals fill in from the rows beneath.

Rows the plan states are shown as stated. Areas and index totals the plan does not state
are summed from the rows beneath them and marked `stated=False`: they are totals of the
criteria the plan lists, not of the whole index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any
from uuid import UUID

from planner.domain.criterion import CriterionCode, Level
from planner.domain.target import TargetKind

NUMERIC_TARGETS = (TargetKind.POINTS.value, TargetKind.PERCENT.value)


# Not frozen: the country's board builds thousands of lines at once, and a frozen
# dataclass takes ten times as long to build. Lines are changed only with `replace`.
@dataclass(slots=True)
class ScoreLine:
    plan_id: UUID
    plan_number: str
    index: str
    year: int
    code: str
    name: str
    level: str
    max_points: Decimal | None
    last_year_points: Decimal | None
    target_kind: str
    target_value: Decimal | None
    target_text: str
    result_kind: str | None
    result_points: Decimal | None
    gap: Decimal | None
    survey_based: bool
    not_evaluated: bool
    stated: bool

    @property
    def criterion(self) -> CriterionCode:
        return CriterionCode(tuple(self.code.split("."))) if self.code else CriterionCode.total()


def roll_up(lines: Iterable[ScoreLine]) -> list[ScoreLine]:
    """Complete one index-year's tree up to its total; parents sum their direct children."""
    by_code = {line.criterion: line for line in lines}
    for code in sorted(by_code, key=lambda c: -c.depth):
        child, parent = code, code.parent
        while parent is not None and parent not in by_code:
            by_code[parent] = _blank_parent(by_code[child], parent)
            child, parent = parent, parent.parent
    children_of: dict[CriterionCode, list[CriterionCode]] = defaultdict(list)
    for code in by_code:
        if code.parent is not None:
            children_of[code.parent].append(code)
    for code in sorted(by_code, key=lambda c: -c.depth):  # children are filled before parents
        if code in children_of:
            by_code[code] = _filled(by_code[code], [by_code[c] for c in children_of[code]])
    ordered = sorted(by_code, key=lambda c: (c.depth > 0, c.sort_key()))
    return [by_code[code] for code in ordered]


def stated_line(values: Mapping[Any, Any], plan_number: str = "") -> ScoreLine:
    """The line of a stored target (a row of view_score_targets), as the plan states it."""
    target_value = values["target_value"]
    result = values["result_points"]
    numeric = values["target_kind"] in NUMERIC_TARGETS
    return ScoreLine(
        plan_id=values["plan_id"],
        plan_number=plan_number,
        index=values["index_name"],
        year=values["year"],
        code=values["code"],
        name=values["name"],
        level=values["level"],
        max_points=as_stated(values["max_points"]),
        last_year_points=as_stated(values["last_year_points"]),
        target_kind=values["target_kind"],
        target_value=as_stated(target_value),
        target_text=values["target_text"],
        result_kind=values["result_kind"],
        result_points=as_stated(result),
        gap=_gap(as_stated(target_value), as_stated(result)) if numeric else None,
        survey_based=values["survey_based"],
        not_evaluated=values["not_evaluated"],
        stated=True,
    )


def _blank_parent(child: ScoreLine, code: CriterionCode) -> ScoreLine:
    return replace(
        child,
        code=str(code),
        name="",
        level=Level.for_depth(code.depth).value,
        max_points=None,
        last_year_points=None,
        target_kind=child.target_kind if child.target_kind in NUMERIC_TARGETS else TargetKind.TEXT,
        target_value=None,
        target_text="",
        result_kind=None,
        result_points=None,
        gap=None,
        survey_based=False,
        not_evaluated=False,
        stated=False,
    )


def _filled(parent: ScoreLine, children: list[ScoreLine]) -> ScoreLine:
    """Fill the figures a parent does not state with the sums of its children.

    Percentages (SIPAS) are not additive, so a parent of percentage rows is left as stated.
    """
    if any(c.target_kind == TargetKind.PERCENT for c in children):
        return parent
    counted = [c for c in children if not c.not_evaluated]
    target = parent.target_value
    if target is None and parent.target_kind == TargetKind.POINTS:
        target = _sum(c.target_value for c in counted if c.target_kind == TargetKind.POINTS)
    result = parent.result_points
    if result is None and all(c.result_points is not None for c in counted):
        result = _sum(c.result_points for c in counted)
    filled = replace(
        parent,
        max_points=parent.max_points
        if parent.max_points is not None
        else _sum(c.max_points for c in counted),
        last_year_points=parent.last_year_points
        if parent.last_year_points is not None
        else _sum(c.last_year_points for c in counted),
        target_value=target,
        result_points=result,
        result_kind=parent.result_kind or _common_kind(counted),
    )
    numeric = filled.target_kind in NUMERIC_TARGETS
    return replace(filled, gap=_gap(filled.target_value, filled.result_points) if numeric else None)


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def _gap(target: Decimal | None, result: Decimal | None) -> Decimal | None:
    """How much is still missing to reach the target (negative when it is exceeded)."""
    if target is None or result is None:
        return None
    return target - result


def _common_kind(children: list[ScoreLine]) -> str | None:
    kinds = {c.result_kind for c in children if c.result_kind}
    return kinds.pop() if len(kinds) == 1 else None


def as_stated(value: object) -> Decimal | None:
    """Points as the plan writes them: 1,5 not 1,50000; 9 not 9,00000."""
    if value is None:
        return None
    number = Decimal(str(value))
    return (
        number.normalize() if number != number.to_integral_value() else number.quantize(Decimal(1))
    )
