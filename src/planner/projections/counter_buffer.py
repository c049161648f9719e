"""Counters changed by a batch of events, written back as increments.

A counter row is shared by many aggregates (every task of a plan and agency falls due on a
few dates), so it is never loaded: the batch adds up its increments in memory and writes
`count = count + increment`, then removes counters that fell to zero so a view built in one
batch equals the same view built event by event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, delete
from sqlalchemy.dialects import postgresql, sqlite

Key = tuple[Any, ...]


class CounterBuffer:
    """Increments to the `count_column` of a table keyed by every other column."""

    def __init__(self, table: Table, count_column: str) -> None:
        self.table = table
        self.count_column = count_column
        self.key_columns = [c.name for c in table.primary_key.columns]
        self.increments: Counter[Key] = Counter()
        self._adds = {
            "postgresql": _add(postgresql, table, count_column),
            "sqlite": _add(sqlite, table, count_column),
        }
        count = table.c[count_column]
        self._remove_zeros = delete(table).where(
            and_(
                count == 0, *(table.c[name] == bindparam(f"k_{name}") for name in self.key_columns)
            )
        )

    def load(self, connection: Connection, partitions: Iterable[Any]) -> None:
        """Nothing to load: increments are written without reading the counters."""

    def add(self, key: Key, amount: int) -> None:
        self.increments[key] += amount

    def flush(self, connection: Connection) -> None:
        changed = [(key, amount) for key, amount in self.increments.items() if amount]
        if changed:
            rows = [{**self._named(key), self.count_column: amount} for key, amount in changed]
            connection.execute(self._adds[connection.dialect.name], rows)
            fallen = [key for key, amount in changed if amount < 0]
            if fallen:
                connection.execute(
                    self._remove_zeros,
                    [
                        {f"k_{name}": value for name, value in self._named(key).items()}
                        for key in fallen
                    ],
                )
        self.clear()

    def clear(self) -> None:
        self.increments.clear()

    def _named(self, key: Key) -> dict[str, Any]:
        return dict(zip(self.key_columns, key, strict=True))


def _add(dialect: Any, table: Table, count_column: str) -> Any:
    """INSERT the increment, or add it to the stored count."""
    statement = dialect.insert(table)
    keys = [c.name for c in table.primary_key.columns]
    total = table.c[count_column] + statement.excluded[count_column]
    return statement.on_conflict_do_update(index_elements=keys, set_={count_column: total})
