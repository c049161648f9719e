"""Programs' tokens as the views hold them; the secret's hash never leaves this module."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import Connection, RowMapping, select

from planner.projections.schema import api_tokens


@dataclass(frozen=True)
class ApiTokenView:
    token_id: UUID
    name: str
    agency: str
    role: str
    expires_on: date
    issued_at: datetime
    issued_by: str
    revoked_at: datetime | None
    version: int

    def valid_on(self, day: date) -> bool:
        return self.revoked_at is None and day <= self.expires_on


def list_api_tokens(connection: Connection) -> list[ApiTokenView]:
    query = select(api_tokens).order_by(api_tokens.c.agency, api_tokens.c.name)
    return [_token(row) for row in connection.execute(query).mappings()]


def api_token_by_hash(connection: Connection, secret_hash: str) -> ApiTokenView | None:
    query = select(api_tokens).where(api_tokens.c.secret_hash == secret_hash)
    row = connection.execute(query).mappings().first()
    return _token(row) if row else None


def _token(row: RowMapping) -> ApiTokenView:
    return ApiTokenView(
        token_id=row["token_id"],
        name=row["name"],
        agency=row["agency"],
        role=row["role"],
        expires_on=row["expires_on"],
        issued_at=row["issued_at"],
        issued_by=row["issued_by"],
        revoked_at=row["revoked_at"],
        version=row["version"],
    )
