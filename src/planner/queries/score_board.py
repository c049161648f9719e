"""Bảng điểm: per plan, index and year — max, last year, target, latest result, gap.

The board is read as the score-board view keeps it, totals filled in (see
`projections/score_lines.py` for how); `stated_lines` gives the rows as the plans state them.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from operator import itemgetter
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, select

from planner.projections.schema import plans, score_lines, score_targets
from planner.projections.score_lines import NUMERIC_TARGETS, ScoreLine, roll_up, stated_line
from planner.queries.driver_rows import driver_rows
from planner.queries.parsed_once import as_text, parsed_once

Row = tuple[Any, ...]

__all__ = ["NUMERIC_TARGETS", "ScoreLine", "roll_up", "score_board", "stated_lines"]


def score_board(connection: Connection, plan_id: UUID | None = None) -> list[ScoreLine]:
    query = select(as_text(score_lines.c.plan_id), *_LINE_COLUMNS, score_lines.c.position)
    if plan_id is not None:
        query = query.where(score_lines.c.plan_id == plan_id)
    numbers = dict(driver_rows(connection, _PLAN_NUMBERS))
    plan_ids, points = parsed_once(UUID), parsed_once(_points)
    return [
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
        ) in _in_board_order(driver_rows(connection, query), numbers)
    ]


def _in_board_order(rows: list[Row], numbers: dict[str, str]) -> list[Row]:
    """Plans in order of their numbers (a plan's lines together), then index and year, each
    group by position.

    Ordered here, not by the database: PostgreSQL sorted the country's lines five times
    slower than it read them, and grouping first leaves only small sorts.
    """
    groups: dict[tuple[str, str, int], list[Row]] = defaultdict(list)
    for row in rows:
        groups[row[0], row[1], row[2]].append(row)
    order = sorted(groups, key=lambda group: (numbers[group[0]], *group))
    return [row for group in order for row in sorted(groups[group], key=_POSITION)]


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
_POSITION = itemgetter(len(_LINE_COLUMNS) + 1)  # the last column read, after the plan id


def stated_lines(connection: Connection, plan_id: UUID | None = None) -> list[ScoreLine]:
    """The rows as the plans state them, before any total is filled in from the rows beneath."""
    query = select(score_targets, plans.c.number).join(
        plans, plans.c.plan_id == score_targets.c.plan_id
    )
    if plan_id is not None:
        query = query.where(score_targets.c.plan_id == plan_id)
    return [stated_line(row, row.number) for row in connection.execute(query).mappings()]
