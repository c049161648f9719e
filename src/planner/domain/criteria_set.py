"""Bộ tiêu chí: what a province scores its departments or districts on, for one year.

A province's Đề án xác định Chỉ số CCHC publishes one table per kind of unit (Bảng 1 for
the departments, Bảng 2 for the district People's Committees): areas, criteria and
sub-criteria with their max points, some scored by sociological survey (ĐTXHH).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.criterion import CriterionCode, Level
from planner.domain.errors import InvalidValue, NotPermitted
from planner.domain.identity import criteria_set_id
from planner.domain.points import plain
from planner.domain.text import clean


class UnitKind(StrEnum):
    """The kind of unit a criteria set scores."""

    DEPARTMENT = "department"  # cơ quan chuyên môn thuộc UBND tỉnh (sở, ban, ngành)
    DISTRICT = "district"  # UBND cấp huyện
    COMMUNE = "commune"  # UBND cấp xã

    @property
    def label(self) -> str:
        return {
            "department": "các cơ quan chuyên môn thuộc UBND tỉnh",
            "district": "UBND cấp huyện",
            "commune": "UBND cấp xã",
        }[self.value]


@dataclass(frozen=True)
class Criterion:
    """One row of the framework: an area (1), a criterion (1.2) or a sub-criterion (1.2.3)."""

    code: CriterionCode
    name: str
    max_points: Decimal | None
    survey_based: bool = False
    notes: str = ""

    @property
    def level(self) -> Level:
        return Level.for_depth(self.code.depth)


class CriteriaSet(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Defined(Event, Aggregate.Created):
        province: str
        year: int
        unit_kind: UnitKind
        title: str
        source: str
        criteria: tuple[Criterion, ...]

    class Revised(Event):
        title: str
        source: str
        criteria: tuple[Criterion, ...]
        reason: str

    @staticmethod
    def create_id(province: str, year: int, unit_kind: UnitKind, **_: object) -> UUID:
        return criteria_set_id(province, year, UnitKind(unit_kind).value)

    @classmethod
    def define(
        cls,
        *,
        province: str,
        year: int,
        unit_kind: UnitKind,
        title: str,
        source: str,
        criteria: Iterable[Criterion],
        actor: Actor,
        at: datetime,
    ) -> CriteriaSet:
        """Register a province's criteria for one year and kind of unit (Sở Nội vụ)."""
        _require_monitor(actor)
        where = f"bộ tiêu chí {clean(province)} năm {year} ({UnitKind(unit_kind).label})"
        if not clean(province):
            raise InvalidValue("bộ tiêu chí: cần có tên tỉnh")
        if not 2000 <= year <= 2100:
            raise InvalidValue(f"{where}: năm {year} không hợp lệ")
        return cls(
            province=clean(province),
            year=year,
            unit_kind=UnitKind(unit_kind),
            title=clean(title),
            source=clean(source),
            criteria=_checked(criteria, where),
            actor=actor,
            timestamp=at,
        )

    @event(Defined)
    def __init__(
        self,
        *,
        province: str,
        year: int,
        unit_kind: UnitKind,
        title: str,
        source: str,
        criteria: tuple[Criterion, ...],
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.province = province
        self.year = year
        self.unit_kind = UnitKind(unit_kind)
        self.title = title
        self.source = source
        self.criteria = tuple(criteria)

    @property
    def label(self) -> str:
        return f"bộ tiêu chí {self.province} năm {self.year} ({self.unit_kind.label})"

    def revise(
        self,
        *,
        title: str,
        source: str,
        criteria: Iterable[Criterion],
        reason: str,
        actor: Actor,
        at: datetime,
    ) -> bool:
        """Replace the criteria with a corrected table; False (nothing recorded) if unchanged."""
        _require_monitor(actor)
        checked = _checked(criteria, self.label)
        if (clean(title), clean(source), checked) == (self.title, self.source, self.criteria):
            return False
        self._revised(
            title=clean(title),
            source=clean(source),
            criteria=checked,
            reason=clean(reason),
            actor=actor,
            timestamp=at,
        )
        return True

    @event(Revised)
    def _revised(
        self,
        *,
        title: str,
        source: str,
        criteria: tuple[Criterion, ...],
        reason: str,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.title, self.source, self.criteria = title, source, tuple(criteria)

    def criterion(self, code: CriterionCode) -> Criterion | None:
        return next((c for c in self.criteria if c.code == code), None)

    def children(self, code: CriterionCode) -> tuple[Criterion, ...]:
        """The rows directly beneath `code` (the areas, for the total)."""
        return tuple(c for c in self.criteria if c.code.parent == code)

    @property
    def max_total(self) -> Decimal:
        return max_total(self.criteria)

    @property
    def survey_max(self) -> Decimal:
        return survey_max(self.criteria)


def max_total(criteria: Iterable[Criterion]) -> Decimal:
    """A framework's maximum: the sum of its areas' max points."""
    return points_sum(c for c in criteria if c.code.depth == 1)


def survey_max(criteria: Iterable[Criterion]) -> Decimal:
    """Points scored by survey: survey-based rows with no survey-based row above them."""
    rows = tuple(criteria)
    survey = {c.code for c in rows if c.survey_based}
    return points_sum(c for c in rows if c.survey_based and not _has_ancestor_in(c.code, survey))


def points_sum(criteria: Iterable[Criterion]) -> Decimal:
    return plain(sum((c.max_points for c in criteria if c.max_points is not None), Decimal(0)))


def _has_ancestor_in(code: CriterionCode, codes: set[CriterionCode]) -> bool:
    parent = code.parent
    while parent is not None:
        if parent in codes:
            return True
        parent = parent.parent
    return False


def _checked(criteria: Iterable[Criterion], where: str) -> tuple[Criterion, ...]:
    """Refuse an empty set, the total as a row, and codes listed twice; names in NFC."""
    rows = tuple(
        Criterion(c.code, clean(c.name), c.max_points, c.survey_based, clean(c.notes))
        for c in criteria
    )
    if not rows:
        raise InvalidValue(f"{where}: cần ít nhất một tiêu chí")
    seen: set[CriterionCode] = set()
    for row in rows:
        if row.code.is_total:
            raise InvalidValue(f"{where}: dòng '{row.name}' không có mã tiêu chí")
        if row.code in seen:
            raise InvalidValue(f"{where}: mã tiêu chí {row.code} xuất hiện hai lần")
        if row.max_points is not None and row.max_points < 0:
            raise InvalidValue(f"{where}: tiêu chí {row.code} có điểm tối đa âm")
        seen.add(row.code)
    return rows


def _require_monitor(actor: Actor) -> None:
    if not actor.oversees:
        raise NotPermitted(f"chỉ Sở Nội vụ được ban hành bộ tiêu chí ({actor.agency})")
