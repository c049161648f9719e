"""Rate limits on signing in: repeated failures for one name or one address must wait.

Failures are kept in the database, so every server process counts the same tries: N workers
do not allow N times as many guesses.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import (
    Column,
    Engine,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    func,
    insert,
    select,
)

metadata = MetaData()
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),  # as typed, lower-cased
    Column("address", String(64), nullable=False),
    Column("at", Float, nullable=False),  # seconds since the epoch
    Index("ix_login_failures_address", "address", "at"),
)


class TooManyAttempts(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after}s")
        self.retry_after = retry_after


class LoginThrottle:
    """At most `per_name` failures per user name and address, `per_address` per address alone,
    within `window` seconds."""

    def __init__(
        self,
        engine: Engine,
        per_name: int = 5,
        per_address: int = 20,
        window: float = 15 * 60,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.engine = engine
        self.per_name = per_name
        self.per_address = per_address
        self.window = window
        self.clock = clock

    def create_table(self) -> None:
        metadata.create_all(self.engine)

    def check(self, username: str, address: str) -> None:
        """Raise TooManyAttempts while either limit is reached."""
        now = self.clock()
        since = now - self.window
        f = login_failures.c
        recent = select(func.count(), func.min(f.at)).where(f.address == address, f.at > since)
        with self.engine.connect() as connection:
            by_name = connection.execute(recent.where(f.username == _name(username))).one()
            by_address = connection.execute(recent).one()
        for (count, oldest), limit in ((by_name, self.per_name), (by_address, self.per_address)):
            if count >= limit:
                raise TooManyAttempts(int(oldest + self.window - now) + 1)

    def failed(self, username: str, address: str) -> None:
        now = self.clock()
        with self.engine.begin() as connection:
            connection.execute(
                delete(login_failures).where(login_failures.c.at <= now - self.window)
            )
            connection.execute(
                insert(login_failures).values(username=_name(username), address=address, at=now)
            )

    def succeeded(self, username: str, address: str) -> None:
        f = login_failures.c
        with self.engine.begin() as connection:
            connection.execute(
                delete(login_failures).where(f.username == _name(username), f.address == address)
            )


def _name(username: str) -> str:
    return username.strip().lower()[:64]
