"""One group of the score board (plan, index, year) as its view stores it: a JSON list of lines.

The country's board is some six thousand lines; read as one document per group it costs a
third of reading them row by row. Points are the exact decimal text ("1.5"), which reads
back as it was written, without rounding.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from uuid import UUID

from planner.projections.score_lines import ScoreLine

Points = Callable[[str | None], Decimal | None]


def board_document(lines: list[ScoreLine]) -> str:
    """The group's lines in board order, each as the list of its own fields."""
    return json.dumps(
        [
            [
                line.code,
                line.name,
                str(line.level),
                _text(line.max_points),
                _text(line.last_year_points),
                str(line.target_kind),
                _text(line.target_value),
                line.target_text,
                line.result_kind,
                _text(line.result_points),
                _text(line.gap),
                line.survey_based,
                line.not_evaluated,
                line.stated,
            ]
            for line in lines
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def board_lines(
    document: str, plan: tuple[UUID, str], group: tuple[str, int], points: Points
) -> list[ScoreLine]:
    """The lines of a stored group; `points` parses their figures (one parser per question)."""
    (plan_id, plan_number), (index, year) = plan, group
    return [
        ScoreLine(
            plan_id,
            plan_number,
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
            survey_based,
            not_evaluated,
            stated,
        )
        for (
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
        ) in json.loads(document)
    ]


def _text(points: Decimal | None) -> str | None:
    return None if points is None else str(points)
