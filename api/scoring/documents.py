"""A round and a unit's scorecard as /api/scoring answers them."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from api.scoring.answers import Round, RoundCalendar, RoundCriterion, Scorecard, ScoredRow
from api.scoring.rows import card_state, rows
from planner.domain.scoring.round import ScoringRound
from planner.domain.scoring.scorecard import UnitScorecard


def round_document(round_: ScoringRound) -> Round:
    calendar = round_.calendar
    return Round(
        year=round_.year,
        unit_kind=round_.unit_kind,
        units=list(round_.units),
        calendar=RoundCalendar(**asdict(calendar), response_closes=calendar.response_closes),
        criteria=[
            RoundCriterion(
                code=str(c.code),
                name=c.name,
                max_points=c.max_points,
                survey_based=c.survey_based,
                scored=c in round_.leaves,
            )
            for c in round_.criteria
        ],
    )


def scorecard_document(round_: ScoringRound, card: UnitScorecard, day: date) -> Scorecard:
    """Only scored rows; `round` gives the tree with names and maxima."""
    state = card_state(round_, card, day)
    return Scorecard(
        year=round_.year,
        unit_kind=round_.unit_kind,
        unit=card.unit,
        version=card.version,
        submitted_at=card.submitted_at,
        reopened_until=card.reopened_until,
        final=card.final,
        self_assessment_deadline=state.deadline,
        response_closes=state.response_closes,
        editable=state.editable,
        rows=[
            ScoredRow(
                code=row.code,
                max_points=row.criterion.max_points,
                survey_based=row.criterion.survey_based,
                not_evaluated=row.not_evaluated,
                self_assessed=row.own,
                appraised=row.appraisal,
                responses=list(row.responses),
                survey=row.survey,
            )
            for row in rows(round_, card)
            if row.scored
        ],
    )
