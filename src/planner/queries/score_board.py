"""Bảng điểm: per plan, index and year — max, last year, target, latest result, gap.

The board is read as the score-board view keeps it, totals filled in (see
`projections/score_lines.py` for how); `stated_lines` gives the rows as the plans state them.
"""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from sqlalchemy import Connection, select

from planner.projections.schema import plans, score_lines, score_targets
from planner.projections.score_lines import NUMERIC_TARGETS, ScoreLine, roll_up, stated_line
from planner.queries.parsed_once import ParsedOnce, as_text

__all__ = ["NUMERIC_TARGETS", "ScoreLine", "roll_up", "score_board", "stated_lines"]


def score_board(connection: Connection, plan_id: UUID | None = None) -> list[ScoreLine]:
    # Read in the order the view is indexed, then put the plans in order of their numbers:
    # sorting the country's thousands of lines through a join cost more than reading them.
    query = select(as_text(score_lines.c.plan_id), *_LINE_COLUMNS).order_by(
        score_lines.c.plan_id, score_lines.c.index_name, score_lines.c.year, score_lines.c.position
    )
    if plan_id is not None:
        query = query.where(score_lines.c.plan_id == plan_id)
    numbers = {str(key): number for key, number in connection.execute(_PLAN_NUMBERS).all()}
    plan_ids, points = ParsedOnce(UUID), ParsedOnce(Decimal)
    board = [
        ScoreLine(
            plan_ids(key),
            numbers[key],
            index,
            year,
            code,
            name,
            level,
            None if maximum is None else points(maximum),
            None if last_year is None else points(last_year),
            target_kind,
            None if target is None else points(target),
            target_text,
            result_kind,
            None if result is None else points(result),
            None if gap is None else points(gap),
            bool(survey_based),
            bool(not_evaluated),
            bool(stated),
        )
        for (
            key,
            index,
            year,
            code,
            name,
            level,
            maximum,
            last_year,
            target_kind,
            target,
            target_text,
            result_kind,
            result,
            gap,
            survey_based,
            not_evaluated,
            stated,
        ) in connection.execute(query).all()
    ]
    board.sort(key=lambda line: line.plan_number)  # stable: each plan's order stays
    return board


_PLAN_NUMBERS = select(as_text(plans.c.plan_id), plans.c.number)
_LINE_COLUMNS = [
    score_lines.c[name]
    for name in (
        "index_name",
        "year",
        "code",
        "name",
        "level",
        "max_points",
        "last_year_points",
        "target_kind",
        "target_value",
        "target_text",
        "result_kind",
        "result_points",
        "gap",
        "survey_based",
        "not_evaluated",
        "stated",
    )
]


def stated_lines(connection: Connection, plan_id: UUID | None = None) -> list[ScoreLine]:
    """The rows as the plans state them, before any total is filled in from the rows beneath."""
    query = select(score_targets, plans.c.number).join(
        plans, plans.c.plan_id == score_targets.c.plan_id
    )
    if plan_id is not None:
        query = query.where(score_targets.c.plan_id == plan_id)
    return [stated_line(row, row.number) for row in connection.execute(query).mappings()]
