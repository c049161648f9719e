"""The agency registry as the views hold it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from planner.domain.agency import AgencyState
from planner.domain.agency_directory import AgencyDirectory, AgencyRecord
from planner.projections.schema import agencies


@dataclass(frozen=True)
class AgencyView:
    code: str
    name: str
    kind: str
    aliases: list[str]
    parent: str | None
    emails: list[str]
    groups: list[str]
    state: str
    successors: list[str]
    carried_by: str
    version: int


def list_agencies(connection: Connection) -> list[AgencyView]:
    rows = connection.execute(select(agencies).order_by(agencies.c.code)).mappings()
    return [
        AgencyView(
            code=row["code"],
            name=row["name"],
            kind=row["kind"],
            aliases=list(row["aliases"]),
            parent=row["parent"],
            emails=list(row["emails"]),
            groups=list(row["groups"]),
            state=row["state"],
            successors=list(row["successors"]),
            carried_by=row["carried_by"],
            version=row["version"],
        )
        for row in rows
    ]


def directory(connection: Connection) -> AgencyDirectory:
    return AgencyDirectory(
        AgencyRecord(
            code=a.code,
            name=a.name,
            aliases=tuple(a.aliases),
            groups=tuple(a.groups),
            active=a.state == AgencyState.ACTIVE,
            carried_by=None if a.carried_by == a.code else a.carried_by,
        )
        for a in list_agencies(connection)
    )
