"""Mục tiêu per criterion: max points, last year's result, this year's target, and results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.criterion import CriterionCode, Index, Level
from planner.domain.errors import InvalidValue, NotPermitted
from planner.domain.identity import target_id
from planner.domain.target import Target, TargetKind
from planner.domain.text import clean


class ResultKind(StrEnum):
    """Kinds of result, in order of authority: an official result outranks an appraisal."""

    SELF_ASSESSED = "self_assessed"
    APPRAISED = "appraised"
    OFFICIAL = "official"

    @property
    def authority(self) -> int:
        return list(ResultKind).index(self)

    @property
    def label(self) -> str:
        return {"self_assessed": "Tự đánh giá", "appraised": "Thẩm định", "official": "Công bố"}[
            self.value
        ]


@dataclass(frozen=True)
class Result:
    kind: ResultKind
    points: Decimal
    recorded_at: datetime
    note: str


@dataclass(frozen=True)
class Definition:
    """What a plan's table says about one criterion for one year."""

    name: str
    level: Level
    max_points: Decimal | None
    last_year_points: Decimal | None
    target: Target
    survey_based: bool = False
    not_evaluated: bool = False


class ScoreTarget(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Set(Event, Aggregate.Created):
        plan_id: UUID
        index: Index
        code: CriterionCode
        year: int
        definition: Definition

    class Revised(Event):
        definition: Definition
        reason: str

    class ResultRecorded(Event):
        kind: ResultKind
        points: Decimal
        note: str

    @staticmethod
    def create_id(plan_id: UUID, index: Index, code: CriterionCode, year: int, **_: object) -> UUID:
        return target_id(plan_id, Index(index).value, str(code), year)

    @classmethod
    def set(
        cls,
        *,
        plan_id: UUID,
        index: Index,
        code: CriterionCode,
        year: int,
        definition: Definition,
        actor: Actor,
        at: datetime,
    ) -> ScoreTarget:
        """Register a criterion's target for a year (Sở Nội vụ or the importer)."""
        _require_monitor(actor)
        definition = _checked(definition, f"tiêu chí {code}")
        return cls(
            plan_id=plan_id,
            index=index,
            code=code,
            year=year,
            definition=definition,
            actor=actor,
            timestamp=at,
        )

    @event(Set)
    def __init__(
        self,
        *,
        plan_id: UUID,
        index: Index,
        code: CriterionCode,
        year: int,
        definition: Definition,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.plan_id = plan_id
        self.index = Index(index)
        self.code = code
        self.year = year
        self.definition = definition
        self.results: list[Result] = []

    def revise(self, definition: Definition, reason: str, actor: Actor, at: datetime) -> bool:
        """Correct what the target says; returns False (and records nothing) if unchanged."""
        _require_monitor(actor)
        definition = _checked(definition, f"tiêu chí {self.code}")
        if definition == self.definition:
            return False
        self._revised(definition=definition, reason=clean(reason), actor=actor, timestamp=at)
        return True

    def record_result(
        self, kind: ResultKind, points: Decimal, note: str, actor: Actor, at: datetime
    ) -> None:
        """Record a self-assessed, appraised or official result for the target's year."""
        _require_monitor(actor)
        maximum = self.definition.max_points
        limit = Decimal(100) if self.definition.target.kind is TargetKind.PERCENT else maximum
        if limit is not None and points > limit:
            raise InvalidValue(
                f"tiêu chí {self.code} ({self.year}): kết quả {points} vượt điểm tối đa {limit}"
            )
        self._result_recorded(kind=kind, points=points, note=clean(note), actor=actor, timestamp=at)

    @event(Revised)
    def _revised(
        self, *, definition: Definition, reason: str, actor: Actor, timestamp: datetime
    ) -> None:
        self.definition = definition

    @event(ResultRecorded)
    def _result_recorded(
        self, *, kind: ResultKind, points: Decimal, note: str, actor: Actor, timestamp: datetime
    ) -> None:
        self.results.append(Result(ResultKind(kind), points, timestamp, note))


def _require_monitor(actor: Actor) -> None:
    if not actor.oversees:
        raise NotPermitted(f"chỉ Sở Nội vụ được đặt mục tiêu và ghi kết quả ({actor.agency})")


def _checked(definition: Definition, where: str) -> Definition:
    """Refuse points above the maximum; keep names in NFC."""
    maximum = definition.max_points
    for label, value in (
        ("điểm đạt được năm trước", definition.last_year_points),
        (
            "mục tiêu",
            definition.target.value if definition.target.kind is TargetKind.POINTS else None,
        ),
    ):
        if maximum is not None and value is not None and value > maximum:
            raise InvalidValue(f"{where}: {label} {value} vượt điểm tối đa {maximum}")
    if definition.target.kind is TargetKind.PERCENT and (definition.target.value or 0) > 100:
        raise InvalidValue(f"{where}: mục tiêu {definition.target.value}% vượt 100%")
    return Definition(
        name=clean(definition.name),
        level=Level(definition.level),
        max_points=definition.max_points,
        last_year_points=definition.last_year_points,
        target=definition.target,
        survey_based=definition.survey_based,
        not_evaluated=definition.not_evaluated,
    )
