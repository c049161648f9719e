"""Aggregates as their last save left them, lent to one command at a time.

Rebuilding a task from its events costs more than saving its next change. A command takes
the aggregate out of the cache, and it goes back in only once its events are recorded; a
command that fails or conflicts leaves nothing behind, so a cached aggregate is never ahead
of the store. Events other processes recorded since are applied when it is taken.
"""

from __future__ import annotations

import threading
from uuid import UUID

from eventsourcing.domain import Aggregate

CAPACITY = 5000


class AggregateCache:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._aggregates: dict[UUID, Aggregate] = {}
        self._lock = threading.Lock()

    def take(self, aggregate_id: UUID) -> Aggregate | None:
        with self._lock:
            return self._aggregates.pop(aggregate_id, None)

    def keep(self, aggregate: Aggregate) -> None:
        with self._lock:
            self._aggregates[aggregate.id] = aggregate
            while len(self._aggregates) > self.capacity:
                # Insertion order is the order of the last save: the oldest goes first.
                del self._aggregates[next(iter(self._aggregates))]
