"""The event store: the only source of truth, on the eventsourcing library's native recorders."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import JSONTranscoder

from planner.storage.aggregate_cache import AggregateCache
from planner.storage.database import Database
from planner.storage.stored_versions import StoredVersions
from planner.storage.transcodings import TRANSCODINGS


class EventStore(Application[UUID]):
    """Every plan, task, target and agency, as the sequence of events that made it."""

    name = "planner"

    def __init__(self, database: Database) -> None:
        super().__init__(env={**database.event_store_env(), "CREATE_TABLE": "n"})
        if not database.is_sqlite:
            # The library's pool connects lazily, with these added to what it passes libpq.
            recorder: Any = self.recorder
            recorder.datastore.pool.kwargs.update(database.connection_limits())
        with database.schema_lock():
            self.recorder.create_table()  # type: ignore[attr-defined]
        self.saved = AggregateCache()
        self.versions = StoredVersions(database, self.recorder)

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        for transcoding in TRANSCODINGS:
            transcoder.register(transcoding)

    @property
    def position(self) -> int:
        """The id of the last recorded event notification (0 for an empty store)."""
        return self.recorder.max_notification_id() or 0

    def aggregate(self, aggregate_id: UUID) -> Aggregate:
        """The aggregate as of its last event (AggregateNotFoundError if there is none).

        Once saved, it is handed back by `keep` so the next command need not replay it.
        """
        cached = self.saved.take(aggregate_id)
        if cached is not None:
            stored_version = self.versions.last(aggregate_id)
            if stored_version == cached.version:
                return cached
            if stored_version is not None and stored_version > cached.version:
                # Another process recorded events since.
                newer = self.events.get(originator_id=aggregate_id, gt=cached.version)
                caught_up: Aggregate = _replay(cached, newer)
                return caught_up
            # Changed but never saved (ahead of the store), or the store could not be asked:
            # replay it from the store instead.
        found: Aggregate = self.repository.get(aggregate_id, projector_func=_replay)
        return found

    def close(self) -> None:
        self.versions.close()
        super().close()

    def keep(self, aggregates: Iterable[Aggregate]) -> None:
        """Aggregates whose events are now recorded, ready for the next command."""
        for aggregate in aggregates:
            self.saved.keep(aggregate)

    def forget(self, aggregates: Iterable[Aggregate]) -> None:
        """Aggregates whose save failed: the next command replays them from the store."""
        for aggregate in aggregates:
            self.saved.take(aggregate.id)


def _replay(aggregate: Any, events: Iterable[Any]) -> Any:
    """Apply the events in order: the library's own projector, less the runtime protocol
    check it makes of every event, which cost a third of loading a task."""
    for domain_event in events:
        aggregate = domain_event.mutate(aggregate)
    return aggregate
