"""Commands and questions of PAR scoring, for the CLI and the web pages.

A round is named by its year and kind of unit; a unit by its agency code or name. Points come
in as people type them ("1,5") or as Decimals. Each command loads the round and the unit's
scorecard, calls the domain with the actor and the time, and saves only the scorecard.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from planner.application.errors import AlreadyExists, NotFound
from planner.application.workspace import Workspace
from planner.domain.actor import Actor
from planner.domain.criteria_set import CriteriaSet, Criterion, UnitKind
from planner.domain.errors import InvalidValue, NotPermitted
from planner.domain.evidence import Evidence
from planner.domain.identity import scorecard_id, scoring_round_id
from planner.domain.points import parse_points
from planner.domain.reminder_outbox import DueItem
from planner.domain.scoring.calendar import ScoringCalendar
from planner.domain.scoring.deadlines import scoring_deadlines
from planner.domain.scoring.results import RankedUnit, UnitResult, ranking, unit_result
from planner.domain.scoring.round import ScoringRound
from planner.domain.scoring.scorecard import UnitScorecard

Points = str | Decimal | int


@dataclass(frozen=True)
class SelfAssessmentEntry:
    """One row of a unit's self-assessment form."""

    code: str
    points: Points
    evidence: tuple[Evidence, ...] = ()
    explanation: str = ""


@dataclass(frozen=True)
class AppraisalEntry:
    """One row of the appraisal team's form: appraised points, and why they differ."""

    code: str
    points: Points
    reason: str = ""


@dataclass(frozen=True)
class ScoringResults:
    """A round's results: every unit ranked, with last year's index where there was a round."""

    year: int
    unit_kind: UnitKind
    criteria: tuple[Criterion, ...]
    calendar: ScoringCalendar
    ranked: list[RankedUnit]
    names: dict[str, str]


class ScoringService:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    # The round.

    def create_round(
        self,
        year: int,
        unit_kind: UnitKind,
        actor: Actor,
        *,
        criteria_set: UUID | None = None,
        calendar: ScoringCalendar | None = None,
        units: Iterable[str] | None = None,
    ) -> UUID:
        """Open a round; by default every active agency of the kind and the usual calendar."""
        kind = UnitKind(unit_kind)
        if self.workspace.exists(scoring_round_id(year, kind.value)):
            raise AlreadyExists(f"đợt chấm điểm năm {year} ({kind.label}) đã có")
        found = self._criteria_set(year, kind, criteria_set)
        codes = self._units(units) if units is not None else self._agencies_of(kind)
        now = self.workspace.clock.now()
        round_ = ScoringRound.create(
            year=year,
            unit_kind=kind,
            criteria_set_id=found.id,
            criteria_set_version=found.version,
            criteria=found.criteria,
            calendar=calendar or ScoringCalendar.usual(year),
            units=codes,
            actor=actor,
            at=now,
        )
        cards = [UnitScorecard.open(round_, unit, actor, now) for unit in round_.units]
        self.workspace.save(round_, *cards, what=round_.label)
        return round_.id

    def round(self, year: int, unit_kind: UnitKind) -> ScoringRound:
        kind = UnitKind(unit_kind)
        return self.workspace.load(
            ScoringRound,
            scoring_round_id(year, kind.value),
            f"đợt chấm điểm năm {year} ({kind.label})",
        )

    def find_round(self, year: int, unit_kind: UnitKind) -> ScoringRound | None:
        if not self.workspace.exists(scoring_round_id(year, UnitKind(unit_kind).value)):
            return None
        return self.round(year, unit_kind)

    def add_units(
        self, year: int, unit_kind: UnitKind, units: Iterable[str], actor: Actor
    ) -> tuple[str, ...]:
        round_ = self.round(year, unit_kind)
        now = self.workspace.clock.now()
        added = round_.add_units(self._units(units), actor, now)
        cards = [
            UnitScorecard.open(round_, unit, actor, now)
            for unit in added
            if not self.workspace.exists(scorecard_id(round_.id, unit))
        ]
        self.workspace.save(round_, *cards, what=round_.label)
        return added

    def remove_unit(
        self, year: int, unit_kind: UnitKind, unit: str, reason: str, actor: Actor
    ) -> None:
        """The unit leaves the round; its scorecard stays stored but is no longer counted."""
        round_ = self.round(year, unit_kind)
        round_.remove_unit(self._unit(unit), reason, actor, self.workspace.clock.now())
        self.workspace.save(round_, what=round_.label)

    def set_calendar(
        self, year: int, unit_kind: UnitKind, calendar: ScoringCalendar, actor: Actor
    ) -> None:
        round_ = self.round(year, unit_kind)
        round_.set_calendar(calendar, actor, self.workspace.clock.now())
        self.workspace.save(round_, what=round_.label)

    # One unit's scorecard.

    def scorecard(self, year: int, unit_kind: UnitKind, unit: str, actor: Actor) -> UnitScorecard:
        """A unit's scorecard, for its own staff or Sở Nội vụ only."""
        round_ = self.round(year, unit_kind)
        code = self._unit(unit)
        if not (actor.oversees or actor.speaks_for([code])):
            raise NotPermitted(
                f"{actor.user} ({actor.agency}) không được xem phiếu chấm của {code}"
            )
        return self._card(round_, code)

    def mark_not_evaluated(
        self, year: int, unit_kind: UnitKind, unit: str, code: str, reason: str, actor: Actor
    ) -> None:
        round_, card = self._open(year, unit_kind, unit)
        card.mark_not_evaluated(round_, code, reason, actor, self.workspace.clock.now())
        self._save(card)

    def clear_not_evaluated(
        self, year: int, unit_kind: UnitKind, unit: str, code: str, actor: Actor
    ) -> None:
        round_, card = self._open(year, unit_kind, unit)
        card.clear_not_evaluated(round_, code, actor, self.workspace.clock.now())
        self._save(card)

    def self_assess(
        self,
        year: int,
        unit_kind: UnitKind,
        unit: str,
        code: str,
        points: Points,
        actor: Actor,
        *,
        evidence: Iterable[Evidence] = (),
        explanation: str = "",
    ) -> None:
        """Save a draft score for one row (replacing an earlier draft of it)."""
        entry = SelfAssessmentEntry(code, points, tuple(evidence), explanation)
        self.self_assess_many(year, unit_kind, unit, [entry], actor)

    def self_assess_many(
        self,
        year: int,
        unit_kind: UnitKind,
        unit: str,
        entries: Iterable[SelfAssessmentEntry],
        actor: Actor,
    ) -> int:
        """Save a whole form of drafts at once (all or nothing); returns how many rows."""
        round_, card = self._open(year, unit_kind, unit)
        now = self.workspace.clock.now()
        count = 0
        for entry in entries:
            value = parse_points(entry.points, where=f"{card.unit}, tiêu chí {entry.code}")
            card.self_assess(
                round_, entry.code, value, entry.evidence, entry.explanation, actor, now
            )
            count += 1
        self._save(card)
        return count

    def submit(self, year: int, unit_kind: UnitKind, unit: str, actor: Actor) -> None:
        round_, card = self._open(year, unit_kind, unit)
        card.submit(round_, actor, self.workspace.clock.now())
        self._save(card)

    def reopen(
        self, year: int, unit_kind: UnitKind, unit: str, until: date, reason: str, actor: Actor
    ) -> None:
        _, card = self._open(year, unit_kind, unit)
        card.reopen(until, reason, actor, self.workspace.clock.now())
        self._save(card)

    def appraise(
        self,
        year: int,
        unit_kind: UnitKind,
        unit: str,
        code: str,
        points: Points,
        actor: Actor,
        *,
        reason: str = "",
    ) -> None:
        self.appraise_many(year, unit_kind, unit, [AppraisalEntry(code, points, reason)], actor)

    def appraise_many(
        self,
        year: int,
        unit_kind: UnitKind,
        unit: str,
        entries: Iterable[AppraisalEntry],
        actor: Actor,
        survey: Mapping[str, Points] | None = None,
    ) -> int:
        """Save the appraisal team's form, survey points and appraised rows, all or nothing."""
        round_, card = self._open(year, unit_kind, unit)
        now = self.workspace.clock.now()
        for code, given in (survey or {}).items():
            value = parse_points(given, where=f"{card.unit}, tiêu chí {code}")
            card.enter_survey(round_, code, value, actor, now)
        count = 0
        for entry in entries:
            value = parse_points(entry.points, where=f"{card.unit}, tiêu chí {entry.code}")
            card.appraise(round_, entry.code, value, entry.reason, actor, now)
            count += 1
        self._save(card)
        return count

    def respond(
        self,
        year: int,
        unit_kind: UnitKind,
        unit: str,
        code: str,
        explanation: str,
        actor: Actor,
        *,
        evidence: Iterable[Evidence] = (),
    ) -> None:
        round_, card = self._open(year, unit_kind, unit)
        card.respond(round_, code, explanation, evidence, actor, self.workspace.clock.now())
        self._save(card)

    def enter_survey_many(
        self,
        year: int,
        unit_kind: UnitKind,
        unit: str,
        points: Mapping[str, Points],
        actor: Actor,
    ) -> None:
        """Enter a unit's survey points for several rows at once (all or nothing)."""
        round_, card = self._open(year, unit_kind, unit)
        now = self.workspace.clock.now()
        for code, given in points.items():
            value = parse_points(given, where=f"{card.unit}, tiêu chí {code}")
            card.enter_survey(round_, code, value, actor, now)
        self._save(card)

    def finalize(self, year: int, unit_kind: UnitKind, unit: str, actor: Actor) -> None:
        round_, card = self._open(year, unit_kind, unit)
        card.finalize(round_, actor, self.workspace.clock.now())
        self._save(card)

    def enter_survey(
        self, year: int, unit_kind: UnitKind, unit: str, code: str, points: Points, actor: Actor
    ) -> None:
        round_, card = self._open(year, unit_kind, unit)
        value = parse_points(points, where=f"{card.unit}, tiêu chí {code}")
        card.enter_survey(round_, code, value, actor, self.workspace.clock.now())
        self._save(card)

    # Results.

    def unit_result(self, year: int, unit_kind: UnitKind, unit: str) -> UnitResult:
        round_, card = self._open(year, unit_kind, unit)
        return unit_result(round_.criteria, card.scores(round_))

    def results(self, year: int, unit_kind: UnitKind) -> ScoringResults:
        """Every unit of the round ranked, with the change against last year's round."""
        round_ = self.round(year, unit_kind)
        earlier = self.find_round(year - 1, unit_kind)
        last_year = {r.unit: r.percent for r in self._unit_results(earlier)} if earlier else None
        names = {a.code: a.name for a in self.workspace.views.agencies()}
        return ScoringResults(
            year=round_.year,
            unit_kind=round_.unit_kind,
            criteria=round_.criteria,
            calendar=round_.calendar,
            ranked=ranking(self._unit_results(round_), last_year),
            names={unit: names.get(unit, unit) for unit in round_.units},
        )

    def deadlines(self, day: date, monitor: str) -> list[DueItem]:
        """Open steps of the rounds of `day`'s year and the year before, to remind of."""
        found: list[DueItem] = []
        for year in (day.year - 1, day.year):
            for kind in (UnitKind.DEPARTMENT, UnitKind.DISTRICT):
                round_ = self.find_round(year, kind)
                if round_ is not None:
                    cards = [self._card(round_, unit) for unit in round_.units]
                    found.extend(scoring_deadlines(round_, cards, monitor))
        return found

    def _unit_results(self, round_: ScoringRound) -> list[UnitResult]:
        return [
            unit_result(round_.criteria, self._card(round_, unit).scores(round_))
            for unit in round_.units
        ]

    # Loading.

    def _open(
        self, year: int, unit_kind: UnitKind, unit: str
    ) -> tuple[ScoringRound, UnitScorecard]:
        round_ = self.round(year, unit_kind)
        code = self._unit(unit)
        round_.require_unit(code)
        return round_, self._card(round_, code)

    def _card(self, round_: ScoringRound, unit: str) -> UnitScorecard:
        return self.workspace.load(
            UnitScorecard, scorecard_id(round_.id, unit), f"phiếu chấm điểm của {unit}"
        )

    def _save(self, card: UnitScorecard) -> None:
        self.workspace.save(card, what=f"phiếu chấm điểm của {card.unit}")

    def _unit(self, name: str) -> str:
        code = self.workspace.views.directory().find(name)
        if code is None:
            raise InvalidValue(f"không có đơn vị '{name}' trong danh mục cơ quan")
        return code

    def _units(self, names: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self._unit(name) for name in names))

    def _agencies_of(self, kind: UnitKind) -> tuple[str, ...]:
        return tuple(
            a.code
            for a in self.workspace.views.agencies()
            if a.kind == kind.value and a.state == "active"
        )

    def _criteria_set(self, year: int, kind: UnitKind, chosen: UUID | None) -> CriteriaSet:
        """The chosen set, or the latest set for the kind from `year` or before."""
        if chosen is not None:
            return self.workspace.load(CriteriaSet, chosen, "bộ tiêu chí")
        sets = [
            s for s in self.workspace.views.criteria_sets(None, None, kind.value) if s.year <= year
        ]
        if not sets:
            raise NotFound(
                f"chưa có bộ tiêu chí cho {kind.label}; hãy nhập văn bản bộ tiêu chí trước "
                "(planner import)"
            )
        latest = max(sets, key=lambda s: s.year)
        return self.workspace.load(CriteriaSet, latest.set_id, latest.title or "bộ tiêu chí")
