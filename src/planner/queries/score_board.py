"""Bảng điểm: per plan, index and year — max, last year, target, latest result, gap.

Rows the plan states are shown as stated. Areas and index totals the plan does not state
are summed from the rows beneath them and marked `stated=False`: they are totals of the
criteria the plan lists, not of the whole index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from uuid import UUID

from sqlalchemy import Connection, select

from planner.domain.criterion import CriterionCode, Level
from planner.domain.target import TargetKind
from planner.projections.schema import plans, score_targets

NUMERIC_TARGETS = (TargetKind.POINTS.value, TargetKind.PERCENT.value)


@dataclass(frozen=True)
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


def score_board(connection: Connection, plan_id: UUID | None = None) -> list[ScoreLine]:
    groups: dict[tuple[UUID, str, int], list[ScoreLine]] = defaultdict(list)
    for line in stated_lines(connection, plan_id):
        groups[(line.plan_id, line.index, line.year)].append(line)
    board: list[ScoreLine] = []
    for key in sorted(groups, key=lambda k: (str(groups[k][0].plan_number), k[1], k[2])):
        board.extend(roll_up(groups[key]))
    return board


def stated_lines(connection: Connection, plan_id: UUID | None = None) -> list[ScoreLine]:
    """The rows as the plans state them, before any total is filled in from the rows beneath."""
    query = select(score_targets, plans.c.number).join(
        plans, plans.c.plan_id == score_targets.c.plan_id
    )
    if plan_id is not None:
        query = query.where(score_targets.c.plan_id == plan_id)
    return [_line(row) for row in connection.execute(query).mappings()]


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


def _line(row: object) -> ScoreLine:
    values = dict(row)  # type: ignore[call-overload]
    target_value = values["target_value"]
    result = values["result_points"]
    numeric = values["target_kind"] in NUMERIC_TARGETS
    return ScoreLine(
        plan_id=values["plan_id"],
        plan_number=values["number"],
        index=values["index_name"],
        year=values["year"],
        code=values["code"],
        name=values["name"],
        level=values["level"],
        max_points=_decimal(values["max_points"]),
        last_year_points=_decimal(values["last_year_points"]),
        target_kind=values["target_kind"],
        target_value=_decimal(target_value),
        target_text=values["target_text"],
        result_kind=values["result_kind"],
        result_points=_decimal(result),
        gap=_gap(_decimal(target_value), _decimal(result)) if numeric else None,
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


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    number = Decimal(str(value))
    return (
        number.normalize() if number != number.to_integral_value() else number.quantize(Decimal(1))
    )
