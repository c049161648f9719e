"""Bảng điểm: per plan, index and year — max, last year, target, latest result, gap.

The board is read as the score-board view keeps it, totals filled in (see
`projections/score_lines.py` for how); `stated_lines` gives the rows as the plans state them.
"""

from __future__ import annotations

from decimal import Decimal
from operator import attrgetter, itemgetter
from uuid import UUID

from sqlalchemy import Connection, select

from planner.projections.schema import plans, score_lines, score_targets
from planner.projections.score_lines import NUMERIC_TARGETS, ScoreLine, roll_up, stated_line
from planner.queries.driver_rows import driver_rows
from planner.queries.parsed_once import as_text, parsed_once

__all__ = ["NUMERIC_TARGETS", "ScoreLine", "roll_up", "score_board", "stated_lines"]


def score_board(connection: Connection, plan_id: UUID | None = None) -> list[ScoreLine]:
    query = select(as_text(score_lines.c.plan_id), *_LINE_COLUMNS, score_lines.c.position)
    if plan_id is not None:
        query = query.where(score_lines.c.plan_id == plan_id)
    numbers = dict(driver_rows(connection, _PLAN_NUMBERS))
    # Sorted here, not by the database: PostgreSQL sorted the country's lines by their text
    # columns five times slower than it read them. Plans go in order of their numbers.
    rows = sorted(driver_rows(connection, query), key=_GROUP_ORDER)
    plan_ids, points = parsed_once(UUID), parsed_once(_points)
    board = [
        ScoreLine(
            plan_ids(key),
            numbers[key],
            index,
            year,
            code,
            name,
            level,
            points(maximum),
            points(last_year),
            target_kind,
            points(target),
            target_text,
            result_kind,
            points(result),
            points(gap),
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
            _,
        ) in rows
    ]
    board.sort(key=attrgetter("plan_number"))  # stable: each plan's order stays
    return board


def _points(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


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
# Each plan's lines together, by index, year and position (plans are put in order after).
_GROUP_ORDER = itemgetter(0, 1, 2, len(_LINE_COLUMNS) + 1)


def stated_lines(connection: Connection, plan_id: UUID | None = None) -> list[ScoreLine]:
    """The rows as the plans state them, before any total is filled in from the rows beneath."""
    query = select(score_targets, plans.c.number).join(
        plans, plans.c.plan_id == score_targets.c.plan_id
    )
    if plan_id is not None:
        query = query.where(score_targets.c.plan_id == plan_id)
    return [stated_line(row, row.number) for row in connection.execute(query).mappings()]
