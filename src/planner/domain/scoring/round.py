"""Đợt chấm điểm: one year's PAR scoring of one kind of unit, with its criteria and calendar.

The round holds only what every unit shares (the criteria snapshot, the calendar, the list
of units). Each unit's points live in its own `UnitScorecard` aggregate: units score in
parallel in January, and one aggregate per unit means one unit's save never conflicts with
another's and loading a unit reads only that unit's events.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.criteria_set import Criterion, UnitKind, max_total
from planner.domain.criterion import CriterionCode
from planner.domain.errors import InvalidValue, NotPermitted
from planner.domain.identity import scoring_round_id
from planner.domain.scoring.calendar import ScoringCalendar
from planner.domain.text import clean


class ScoringRound(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Created(Event, Aggregate.Created):
        year: int
        unit_kind: UnitKind
        criteria_set_id: UUID
        criteria_set_version: int
        criteria: tuple[Criterion, ...]
        calendar: ScoringCalendar
        units: tuple[str, ...]

    class UnitsAdded(Event):
        units: tuple[str, ...]

    class UnitRemoved(Event):
        unit: str
        reason: str

    class CalendarSet(Event):
        calendar: ScoringCalendar

    @staticmethod
    def create_id(year: int, unit_kind: UnitKind, **_: object) -> UUID:
        return scoring_round_id(year, UnitKind(unit_kind).value)

    @classmethod
    def create(
        cls,
        *,
        year: int,
        unit_kind: UnitKind,
        criteria_set_id: UUID,
        criteria_set_version: int,
        criteria: Iterable[Criterion],
        calendar: ScoringCalendar,
        units: Iterable[str],
        actor: Actor,
        at: datetime,
    ) -> ScoringRound:
        """Open the year's round for one kind of unit (Sở Nội vụ)."""
        _require_monitor(actor, "mở đợt chấm điểm")
        rows = tuple(criteria)
        if not any(row.max_points for row in rows):
            raise InvalidValue(f"đợt chấm điểm năm {year}: bộ tiêu chí không có tiêu chí nào")
        return cls(
            year=year,
            unit_kind=UnitKind(unit_kind),
            criteria_set_id=criteria_set_id,
            criteria_set_version=criteria_set_version,
            criteria=rows,
            calendar=calendar.checked(),
            units=tuple(dict.fromkeys(units)),
            actor=actor,
            timestamp=at,
        )

    @event(Created)
    def __init__(
        self,
        *,
        year: int,
        unit_kind: UnitKind,
        criteria_set_id: UUID,
        criteria_set_version: int,
        criteria: tuple[Criterion, ...],
        calendar: ScoringCalendar,
        units: tuple[str, ...],
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.year = year
        self.unit_kind = UnitKind(unit_kind)
        self.criteria_set_id = criteria_set_id
        self.criteria_set_version = criteria_set_version
        self.criteria = tuple(criteria)
        self.calendar = calendar
        self.units = tuple(units)

    @property
    def label(self) -> str:
        return f"đợt chấm điểm năm {self.year} ({self.unit_kind.label})"

    def add_units(self, units: Iterable[str], actor: Actor, at: datetime) -> tuple[str, ...]:
        """Add units not yet in the round; returns those added."""
        _require_monitor(actor, "thêm đơn vị vào đợt chấm điểm")
        added = tuple(u for u in dict.fromkeys(units) if u not in self.units)
        if added:
            self._units_added(units=added, actor=actor, timestamp=at)
        return added

    def remove_unit(self, unit: str, reason: str, actor: Actor, at: datetime) -> None:
        _require_monitor(actor, "bớt đơn vị khỏi đợt chấm điểm")
        self.require_unit(unit)
        if not clean(reason):
            raise InvalidValue(f"{self.label}: cần nêu lý do bớt đơn vị {unit}")
        self._unit_removed(unit=unit, reason=clean(reason), actor=actor, timestamp=at)

    def set_calendar(self, calendar: ScoringCalendar, actor: Actor, at: datetime) -> None:
        _require_monitor(actor, "đổi lịch chấm điểm")
        self._calendar_set(calendar=calendar.checked(), actor=actor, timestamp=at)

    @event(UnitsAdded)
    def _units_added(self, *, units: tuple[str, ...], actor: Actor, timestamp: datetime) -> None:
        self.units = (*self.units, *units)

    @event(UnitRemoved)
    def _unit_removed(self, *, unit: str, reason: str, actor: Actor, timestamp: datetime) -> None:
        self.units = tuple(u for u in self.units if u != unit)

    @event(CalendarSet)
    def _calendar_set(
        self, *, calendar: ScoringCalendar, actor: Actor, timestamp: datetime
    ) -> None:
        self.calendar = calendar

    def require_unit(self, unit: str) -> None:
        if unit not in self.units:
            raise InvalidValue(f"{self.label}: đơn vị {unit} không thuộc đợt chấm điểm")

    def row(self, code: str) -> Criterion:
        """The criterion with `code`, or a refusal naming the round."""
        wanted = CriterionCode.parse(code)
        found = next((c for c in self.criteria if c.code == wanted), None)
        if found is None:
            raise InvalidValue(f"{self.label}: không có tiêu chí {wanted}")
        return found

    def scorable(self, code: str) -> Criterion:
        """A leaf with max points: the rows points are given to."""
        found = self.row(code)
        if found.max_points is None or self.has_children(found.code):
            parts = ", ".join(str(c.code) for c in self.leaves_under(found.code))
            raise InvalidValue(
                f"{self.label}: tiêu chí {found.code} được chấm qua các tiêu chí thành phần "
                f"({parts})"
            )
        return found

    def has_children(self, code: CriterionCode) -> bool:
        return any(c.code.parent == code for c in self.criteria)

    def leaves_under(self, code: CriterionCode) -> tuple[Criterion, ...]:
        return tuple(c for c in self.leaves if within(c.code, code))

    @property
    def leaves(self) -> tuple[Criterion, ...]:
        """Every scorable row (sub-criteria, and criteria that have none)."""
        parents = {c.code.parent for c in self.criteria}
        return tuple(c for c in self.criteria if c.max_points is not None and c.code not in parents)

    @property
    def max_total(self) -> Decimal:
        return max_total(self.criteria)


def within(code: CriterionCode, ancestor: CriterionCode) -> bool:
    """True for `ancestor` itself and every row beneath it."""
    return code.parts[: ancestor.depth] == ancestor.parts


def _require_monitor(actor: Actor, what: str) -> None:
    if not actor.oversees:
        raise NotPermitted(f"chỉ Sở Nội vụ được {what} ({actor.user}, {actor.agency})")
