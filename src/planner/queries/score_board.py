"""Bảng điểm: per plan, index and year — max, last year, target, latest result, gap.

The board is read as the score-board view keeps it, totals filled in (see
`projections/score_lines.py` for how); `stated_lines` gives the rows as the plans state them.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import Connection, select

from planner.domain.score_target import ResultKind
from planner.projections.schema import history, plans, score_boards, score_targets
from planner.projections.score_board_document import board_lines
from planner.projections.score_lines import NUMERIC_TARGETS, ScoreLine, roll_up, stated_line
from planner.queries.driver_rows import driver_rows
from planner.queries.parsed_once import as_text, parsed_once

__all__ = ["NUMERIC_TARGETS", "ScoreLine", "roll_up", "score_board", "stated_lines"]


def score_board(connection: Connection, plan_id: UUID | None = None) -> list[ScoreLine]:
    """Plans in order of their numbers, then each plan's groups by index and year."""
    query = select(
        as_text(score_boards.c.plan_id),
        score_boards.c.index_name,
        score_boards.c.year,
        score_boards.c.lines,
    )
    if plan_id is not None:
        query = query.where(score_boards.c.plan_id == plan_id)
    numbers = dict(driver_rows(connection, _PLAN_NUMBERS))
    groups = sorted(driver_rows(connection, query), key=lambda g: (numbers[g[0]], *g[:3]))
    points = parsed_once(_points)
    return [
        line
        for key, index, year, lines in groups
        for line in board_lines(lines, (UUID(key), numbers[key]), (index, year), points)
    ]


def _points(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


_PLAN_NUMBERS = select(as_text(plans.c.plan_id), plans.c.number)


def stated_lines(connection: Connection, plan_id: UUID | None = None) -> list[ScoreLine]:
    """The rows as the plans state them, before any total is filled in from the rows beneath."""
    query = select(score_targets, plans.c.number).join(
        plans, plans.c.plan_id == score_targets.c.plan_id
    )
    if plan_id is not None:
        query = query.where(score_targets.c.plan_id == plan_id)
    return [stated_line(row, row.number) for row in connection.execute(query).mappings()]


def stated_lines_before(connection: Connection, plan_id: UUID, cutoff: datetime) -> list[ScoreLine]:
    """The plan's rows with the results recorded before `cutoff` only.

    Results take effect when recorded; a target whose best result came later shows the best
    one it had then (from the history of its changes), or none.
    """
    query = select(score_targets, plans.c.number).join(
        plans, plans.c.plan_id == score_targets.c.plan_id
    )
    rows = [
        dict(row)
        for row in connection.execute(query.where(score_targets.c.plan_id == plan_id)).mappings()
    ]
    later = [row["target_id"] for row in rows if row["result_at"] and row["result_at"] >= cutoff]
    earlier = _best_results_before(connection, later, cutoff) if later else {}
    for row in rows:
        if row["target_id"] in later:
            kind, points = earlier.get(row["target_id"], (None, None))
            row.update(result_kind=kind, result_points=points)
    return [stated_line(row, row["number"]) for row in rows]


def _best_results_before(
    connection: Connection, target_ids: list[UUID], cutoff: datetime
) -> dict[UUID, tuple[str, Decimal]]:
    """Each target's most authoritative result recorded before `cutoff`; among equals, the last."""
    query = (
        select(history.c.aggregate_id, history.c.details)
        .where(
            history.c.aggregate_id.in_(target_ids),
            history.c.event == "ResultRecorded",
            history.c.at < cutoff,
        )
        .order_by(history.c.aggregate_id, history.c.version)
    )
    best: dict[UUID, tuple[str, Decimal]] = {}
    for target, details in connection.execute(query).all():
        kind = ResultKind(details["kind"])
        held = best.get(target)
        if held is None or kind.authority >= ResultKind(held[0]).authority:
            best[target] = (kind.value, Decimal(str(details["points"])))
    return best
