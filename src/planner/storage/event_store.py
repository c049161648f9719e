"""The event store: the only source of truth, on the eventsourcing library's native recorders."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder

from planner.storage.database import Database
from planner.storage.transcodings import TRANSCODINGS


class EventStore(Application[UUID]):
    """Every plan, task, target and agency, as the sequence of events that made it."""

    name = "planner"

    def __init__(self, database: Database) -> None:
        super().__init__(env={**database.event_store_env(), "CREATE_TABLE": "n"})
        with database.schema_lock():
            self.recorder.create_table()  # type: ignore[attr-defined]

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        for transcoding in TRANSCODINGS:
            transcoder.register(transcoding)

    @property
    def position(self) -> int:
        """The id of the last recorded event notification (0 for an empty store)."""
        return self.recorder.max_notification_id() or 0
