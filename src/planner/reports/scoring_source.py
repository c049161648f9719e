"""Scoring rounds as a source of results for the reports of the units' own plans.

A department or district issues its own plan to raise its Chỉ số CCHC, with Mục tiêu per
criterion. Such a plan belongs to a scored unit when its issuer is a unit of the round of the
target's year (the year assessed); its PAR_INDEX targets then get the unit's results from the
round, as the scorecard stood at the end of the report's day. A province plan (issued by UBND
tỉnh, not a scored unit) gets none: its index is scored by the Ministry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate, DomainEvent

from planner.application.planner import Planner
from planner.domain.criteria_set import UnitKind
from planner.domain.criterion import Index
from planner.domain.identity import scorecard_id, scoring_round_id
from planner.domain.scoring.round import ScoringRound
from planner.domain.scoring.scorecard import UnitScorecard
from planner.domain.scoring.target_results import StatedTarget, TargetResult, target_results
from planner.domain.target import TargetKind
from planner.domain.vietnam_time import end_of_day
from planner.queries.plans import PlanView
from planner.queries.score_board import ScoreLine
from planner.reports.results import CriterionResult
from planner.storage.event_store import EventStore

A = TypeVar("A", bound=Aggregate)
PAR = Index.PAR_INDEX.value


@dataclass(frozen=True)
class UnitRound:
    """A scored unit's round and scorecard as they stood at some moment."""

    unit: str
    round: ScoringRound
    card: UnitScorecard


class ScoringSource:
    """The `ResultSource` of the scoring rounds (see planner.reports.results)."""

    def __init__(self, planner: Planner) -> None:
        self.planner = planner

    def results(self, plan_id: UUID, as_of: date) -> list[CriterionResult]:
        plan = self._plan(plan_id)
        if plan is None:
            return []
        lines = self.targets(plan_id)
        found: list[CriterionResult] = []
        for year in sorted({line.year for line in lines}):
            scored = self.unit_round(plan, year, end_of_day(as_of))
            if scored is not None:
                stated = [_stated(line) for line in lines if line.year == year]
                found.extend(_as_criterion_result(year, r) for r in _results(scored, stated))
        return found

    def unit_of(self, plan: PlanView) -> str | None:
        """The agency that issued the plan, as the body carrying its work today."""
        directory = self.planner.views.directory()
        code = directory.find(plan.issuer)
        return directory.successor(code) if code is not None else None

    def unit_round(self, plan: PlanView, year: int, before: datetime) -> UnitRound | None:
        """The plan's issuer in the `year` round as recorded before `before`, if it is a unit."""
        unit = self.unit_of(plan)
        if unit is None:
            return None
        store = self.planner.store
        for kind in UnitKind:
            round_ = load_before(store, ScoringRound, scoring_round_id(year, kind.value), before)
            if round_ is not None and unit in round_.units:
                card = load_before(store, UnitScorecard, scorecard_id(round_.id, unit), before)
                return UnitRound(unit, round_, card) if card is not None else None
        return None

    def targets(self, plan_id: UUID) -> list[ScoreLine]:
        """The plan's own PAR_INDEX rows, as it states them."""
        return [
            line
            for line in self.planner.views.score_board(plan_id)
            if line.stated and line.index == PAR
        ]

    def _plan(self, plan_id: UUID) -> PlanView | None:
        return next((p for p in self.planner.views.plans() if p.plan_id == plan_id), None)


def load_before(store: EventStore, kind: type[A], aggregate_id: UUID, before: datetime) -> A | None:
    """The aggregate from its events stamped before `before`; None if it did not exist yet."""
    version = None
    for event in store.events.get(aggregate_id):
        assert isinstance(event, DomainEvent), f"not a domain event: {event!r}"
        if event.timestamp >= before:
            break
        version = event.originator_version
    if version is None:
        return None
    found: Aggregate = store.repository.get(aggregate_id, version=version)
    return found if isinstance(found, kind) else None


def _results(scored: UnitRound, stated: list[StatedTarget]) -> list[TargetResult]:
    if not scored.card.has_result:
        return []
    return target_results(scored.round.criteria, scored.card.scores(scored.round), stated)


def _stated(line: ScoreLine) -> StatedTarget:
    return StatedTarget(line.criterion, percent=line.target_kind == TargetKind.PERCENT)


def _as_criterion_result(year: int, result: TargetResult) -> CriterionResult:
    return CriterionResult(PAR, year, str(result.code), result.kind, result.points)
