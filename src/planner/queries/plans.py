"""Plans as the views hold them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, select

from planner.domain.plan import plan_number
from planner.projections.schema import plans


@dataclass(frozen=True)
class PlanView:
    plan_id: UUID
    number: str
    title: str
    issuer: str
    province: str
    issued_on: date | None
    year: int
    indices: list[str]
    obligations: list[dict[str, Any]]
    version: int
    input_days: int = 5


def list_plans(connection: Connection) -> list[PlanView]:
    rows = connection.execute(select(plans).order_by(plans.c.year, plans.c.number)).mappings()
    return [PlanView(**{**row, "indices": list(row["indices"])}) for row in rows]


def plans_numbered(connection: Connection, number: str) -> list[PlanView]:
    """Plans with this number ("365/KH-UBND"); several provinces may share one."""
    wanted = plan_number(number).casefold()
    return [p for p in list_plans(connection) if p.number.casefold() == wanted]
