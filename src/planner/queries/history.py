"""Lịch sử: every change to one plan, task, target or agency — who, when, what."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, RowMapping, func, select

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


@dataclass(frozen=True)
class HistoryPage:
    """The newest changes up to a version, newest first, out of how many in all."""

    entries: list[HistoryEntry]
    total: int

    @property
    def older_than(self) -> int | None:
        """The version to page back from, if older changes remain."""
        oldest = self.entries[-1].version if self.entries else None
        return oldest if oldest is not None and oldest > 1 else None


def history_of(connection: Connection, aggregate_id: UUID) -> list[HistoryEntry]:
    query = select(history).where(history.c.aggregate_id == aggregate_id)
    return _entries(connection.execute(query.order_by(history.c.version)).mappings())


def history_page(
    connection: Connection, aggregate_id: UUID, before: int | None, size: int
) -> HistoryPage:
    """A long-lived task gathers thousands of changes; a page shows `size` at a time."""
    mine = history.c.aggregate_id == aggregate_id
    query = select(history).where(mine)
    if before is not None:
        query = query.where(history.c.version < before)
    rows = connection.execute(query.order_by(history.c.version.desc()).limit(size)).mappings()
    total = connection.execute(select(func.count()).where(mine)).scalar_one()
    return HistoryPage(_entries(rows), total)


def with_evidence(connection: Connection, aggregate_id: UUID) -> list[HistoryEntry]:
    """The changes that attached documents, oldest first."""
    query = select(history).where(history.c.aggregate_id == aggregate_id, history.c.evidence > 0)
    return _entries(connection.execute(query.order_by(history.c.version)).mappings())


def _entries(rows: Iterable[RowMapping]) -> list[HistoryEntry]:
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
