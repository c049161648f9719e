"""Lịch sử: every change to one plan, task, target or agency — who, when, what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, select

from planner.projections.schema import history


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    aggregate_type: str
    event: str
    actor_user: str
    actor_agency: str
    actor_role: str
    at: datetime
    details: dict[str, Any]


def history_of(connection: Connection, aggregate_id: UUID) -> list[HistoryEntry]:
    rows = connection.execute(
        select(history).where(history.c.aggregate_id == aggregate_id).order_by(history.c.version)
    ).mappings()
    return [
        HistoryEntry(
            version=row["version"],
            aggregate_type=row["aggregate_type"],
            event=row["event"],
            actor_user=row["actor_user"],
            actor_agency=row["actor_agency"],
            actor_role=row["actor_role"],
            at=row["at"],
            details=dict(row["details"]),
        )
        for row in rows
    ]
