"""A pooled connection kept checked out between uses, for work that is serialised anyway."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.pool import PoolProxiedConnection


class HeldConnection:
    """The writer's and the version probe's connection: taking one from the pool and handing
    it back (with its reset) for every command cost a sixth of the command on SQLite."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: PoolProxiedConnection | None = None

    def take(self) -> PoolProxiedConnection:
        """The held connection; a fresh one once it has been invalidated (a dropped link)."""
        if self._connection is None or not self._connection.is_valid:
            self._connection = self.engine.raw_connection()
        return self._connection

    def release(self) -> None:
        """Hand the connection back to the pool."""
        if self._connection is not None and self._connection.is_valid:
            self._connection.close()
        self._connection = None
