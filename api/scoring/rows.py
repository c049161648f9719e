"""The criteria tree of a round as a unit's scorecard fills it in, row by row, for the pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planner.domain.criteria_set import Criterion
from planner.domain.criterion import CriterionCode
from planner.domain.scoring.entries import Appraisal, Response, SelfAssessment
from planner.domain.scoring.round import ScoringRound, within
from planner.domain.scoring.scorecard import UnitScorecard


@dataclass(frozen=True)
class Row:
    """One criterion: headings (areas, criteria with parts) and the rows that are scored."""

    criterion: Criterion
    code: str
    depth: int
    scored: bool  # a leaf with points
    survey: Decimal | None
    not_evaluated: str | None  # the reason, on the marked row and every row beneath it
    own: SelfAssessment | None
    appraisal: Appraisal | None
    responses: tuple[Response, ...]

    @property
    def unit_scores(self) -> bool:
        """The unit gives itself points here (not a survey row, not left out this year)."""
        return self.scored and not self.criterion.survey_based and self.not_evaluated is None

    @property
    def differs(self) -> bool:
        return self.appraisal is not None and (
            self.own is None or self.own.points != self.appraisal.points
        )


@dataclass(frozen=True)
class CardState:
    """What the unit and the team may do with the scorecard today, and the dates that say so."""

    deadline: date
    response_closes: date
    editable: bool
    may_respond: bool
    may_finalize: bool
    own_rows: int
    scored_rows: int
    appraised_rows: int


def rows(round_: ScoringRound, card: UnitScorecard) -> list[Row]:
    leaves = {c.code for c in round_.leaves}
    return [
        Row(
            criterion=c,
            code=str(c.code),
            depth=c.code.depth,
            scored=c.code in leaves,
            survey=card.survey.get(str(c.code)),
            not_evaluated=_reason_left_out(card, c.code),
            own=card.self_assessed.get(str(c.code)),
            appraisal=card.appraised.get(str(c.code)),
            responses=tuple(card.responses.get(str(c.code), ())),
        )
        for c in round_.criteria
    ]


def card_state(round_: ScoringRound, card: UnitScorecard, day: date) -> CardState:
    deadline = card.self_assessment_deadline(round_)
    closes = round_.calendar.response_closes
    own = card.own_rows(round_)
    return CardState(
        deadline=deadline,
        response_closes=closes,
        editable=not card.final and not card.submitted and day <= deadline,
        may_respond=not card.final and bool(card.appraised) and day <= closes,
        may_finalize=not card.final and card.submitted and day > closes,
        own_rows=len(own),
        scored_rows=sum(1 for c in own if str(c.code) in card.self_assessed),
        appraised_rows=sum(1 for c in own if str(c.code) in card.appraised),
    )


def _reason_left_out(card: UnitScorecard, code: CriterionCode) -> str | None:
    return next(
        (
            reason
            for marked, reason in card.not_evaluated.items()
            if within(code, CriterionCode.parse(marked))
        ),
        None,
    )
