"""Accounts as the views hold them."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from sqlalchemy import Connection, select

from planner.domain.errors import InvalidValue
from planner.domain.user import check_username
from planner.projections.schema import users


@dataclass(frozen=True)
class UserView:
    username: str
    user_id: UUID
    agency: str
    role: str
    active: bool
    sessions_version: int  # tokens issued before this version of the account are void
    version: int


@dataclass(frozen=True)
class Credentials:
    """What signing in checks; kept apart from UserView so hashes never reach a page or API."""

    user: UserView
    password_hash: str


def list_users(connection: Connection) -> list[UserView]:
    rows = connection.execute(select(users).order_by(users.c.agency, users.c.username))
    return [_user(row) for row in rows.mappings()]


def credentials(connection: Connection, username: str) -> Credentials | None:
    try:
        name = check_username(username)
    except InvalidValue:
        return None
    row = connection.execute(select(users).where(users.c.username == name)).mappings().first()
    return Credentials(_user(row), row["password_hash"]) if row else None


def _user(row: object) -> UserView:
    values = dict(row)  # type: ignore[call-overload]
    return UserView(
        username=values["username"],
        user_id=values["user_id"],
        agency=values["agency"],
        role=values["role"],
        active=values["active"],
        sessions_version=values["sessions_version"],
        version=values["version"],
    )
