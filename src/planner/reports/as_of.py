"""Views as they stood at the end of a past day, rebuilt from the events recorded until then.

A report "as of" a day reads views projected, by the same projections that keep the live
views, from the prefix of the event log recorded up to the end of that day (Vietnam time).
The log is read in recording order and copied up to the first later event, so the replayed
views are exactly those a report generated that evening would have read.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import TracebackType

from eventsourcing.domain import DomainEvent
from eventsourcing.persistence import Notification, StoredEvent

from planner.domain.vietnam_time import VIETNAM
from planner.projections.all_views import all_views
from planner.projections.projector import Projector
from planner.queries.views import Views
from planner.storage.database import Database
from planner.storage.event_store import EventStore

PAGE = 2000


def end_of_day(day: date) -> datetime:
    """The first moment after `day` in Vietnam."""
    return datetime.combine(day + timedelta(days=1), time(0), VIETNAM)


class Replay:
    """Replays the event log into views in a temporary SQLite file, one day after another.

    Days are asked for in order; each only projects what was recorded since the day before.
    """

    def __init__(self, source: EventStore) -> None:
        self.source = source
        self._position = 0
        self._day: date | None = None
        self._directory = tempfile.TemporaryDirectory(prefix="planner-as-of-")
        database = Database.from_url(f"sqlite:///{Path(self._directory.name) / 'as-of.db'}")
        self._store = EventStore(database)
        self._projector = Projector(self._store, database, all_views())
        self._projector.create_tables()

    def views_at_end_of(self, day: date) -> Views:
        """The views as they stood at the end of `day`."""
        if self._day is not None and day < self._day:
            raise ValueError(f"replay has passed {self._day}; it cannot go back to {day}")
        self._day = day
        cutoff = end_of_day(day)
        while batch := self._recorded_before(cutoff):
            self._store.recorder.insert_events(batch)
        self._projector.catch_up()
        return Views(self._projector.reader)

    def _recorded_before(self, cutoff: datetime) -> list[StoredEvent]:
        """The next page of events recorded before `cutoff`, stopping at the first one after."""
        page = self.source.recorder.select_notifications(
            start=self._position, limit=PAGE, inclusive_of_start=False
        )
        batch: list[StoredEvent] = []
        for notification in page:
            if self._recorded_at(notification) >= cutoff:
                break
            batch.append(
                StoredEvent(
                    originator_id=notification.originator_id,
                    originator_version=notification.originator_version,
                    topic=notification.topic,
                    state=notification.state,
                )
            )
            self._position = notification.id
        return batch

    def _recorded_at(self, notification: Notification) -> datetime:
        event = self.source.mapper.to_domain_event(notification)
        assert isinstance(event, DomainEvent), f"not a domain event: {notification.topic}"
        return event.timestamp

    def close(self) -> None:
        self._projector.close()
        self._store.close()
        self._directory.cleanup()

    def __enter__(self) -> Replay:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
