"""A round and a unit's scorecard for a request, and the rounds a signed-in user may open."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Path

from api.dependencies import SignedIn, Web
from planner.application.clock import today
from planner.domain.criteria_set import UnitKind
from planner.domain.scoring.round import ScoringRound
from planner.domain.scoring.scorecard import UnitScorecard

YearPath = Annotated[int, Path(ge=2000, le=2100, description="Năm đánh giá, vd. 2024")]
KindPath = Annotated[UnitKind, Path(description="department (sở, ngành) hoặc district (huyện)")]
UnitPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,31}$")]

KINDS = (UnitKind.DEPARTMENT, UnitKind.DISTRICT)
YEARS_BACK = 3  # rounds are worked on into the following year; older ones are in the reports


def current_day(web: Web) -> date:
    """Today in Vietnam by the clock the scoring service checks deadlines with."""
    return today(web.planner.workspace.clock)


def rounds_for(web: Web, signed: SignedIn) -> list[ScoringRound]:
    """Recent rounds, newest first: every one for Sở Nội vụ, those with the user's unit else."""
    year = current_day(web).year
    found = [
        round_
        for number in range(year + 1, year - YEARS_BACK - 1, -1)
        for kind in KINDS
        if (round_ := web.planner.scoring.find_round(number, kind)) is not None
    ]
    if signed.actor.oversees or signed.actor.administers:
        return found
    return [r for r in found if signed.actor.speaks_for(r.units)]


def card_of(
    web: Web, signed: SignedIn, year: int, kind: UnitKind, unit: str
) -> tuple[ScoringRound, UnitScorecard]:
    """The round and the unit's scorecard; refused unless the user is its staff or Sở Nội vụ."""
    scoring = web.planner.scoring
    card = scoring.scorecard(year, kind, unit, signed.actor)
    return scoring.round(year, kind), card
