"""Criteria sets as the views hold them: which exist, and the rows of one."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, select

from planner.domain.text import name_key
from planner.projections.schema import criteria_sets, set_criteria
from planner.queries.numbers import exact


@dataclass(frozen=True)
class SetCriterionView:
    code: str
    name: str
    level: str
    max_points: Decimal | None
    survey_based: bool
    notes: str


@dataclass(frozen=True)
class CriteriaSetView:
    set_id: UUID
    province: str
    year: int
    unit_kind: str
    title: str
    source: str
    max_total: Decimal
    survey_max: Decimal
    criteria_count: int
    version: int
    criteria: list[SetCriterionView]


def list_criteria_sets(
    connection: Connection,
    province: str | None = None,
    year: int | None = None,
    unit_kind: str | None = None,
    with_criteria: bool = False,
) -> list[CriteriaSetView]:
    """Sets by province, year and kind of unit; their rows only when asked for."""
    query = select(criteria_sets).order_by(
        criteria_sets.c.province, criteria_sets.c.year, criteria_sets.c.unit_kind
    )
    if year is not None:
        query = query.where(criteria_sets.c.year == year)
    if unit_kind is not None:
        query = query.where(criteria_sets.c.unit_kind == unit_kind)
    found = [
        _set(row, _criteria(connection, row["set_id"]) if with_criteria else [])
        for row in connection.execute(query).mappings()
    ]
    if province is not None:
        found = [s for s in found if name_key(s.province) == name_key(province)]
    return found


def _criteria(connection: Connection, set_id: UUID) -> list[SetCriterionView]:
    rows = connection.execute(
        select(set_criteria)
        .where(set_criteria.c.set_id == set_id)
        .order_by(set_criteria.c.position)
    ).mappings()
    return [
        SetCriterionView(
            code=row["code"],
            name=row["name"],
            level=row["level"],
            max_points=exact(row["max_points"]),
            survey_based=row["survey_based"],
            notes=row["notes"],
        )
        for row in rows
    ]


def _set(row: Any, criteria: list[SetCriterionView]) -> CriteriaSetView:
    return CriteriaSetView(
        set_id=row["set_id"],
        province=row["province"],
        year=row["year"],
        unit_kind=row["unit_kind"],
        title=row["title"],
        source=row["source"],
        max_total=exact(row["max_total"]) or Decimal(0),
        survey_max=exact(row["survey_max"]) or Decimal(0),
        criteria_count=row["criteria_count"],
        version=row["version"],
        criteria=criteria,
    )
