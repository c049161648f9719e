"""Views as they stood at the end of a past day, rebuilt from the events recorded until then.

A report "as of" a day reads views projected, by the same projections that keep the live
views, from the prefix of the event log recorded up to the end of that day (Vietnam time).
The log is read in recording order up to the first later event, so the replayed views are
exactly those a report generated that evening would have read.
"""

from __future__ import annotations

import tempfile
from collections.abc import Collection
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from uuid import UUID

from eventsourcing.domain import DomainEvent

from planner.domain.vietnam_time import end_of_day
from planner.projections.all_views import all_views
from planner.projections.projection import Projection
from planner.projections.schema import (
    agencies,
    metadata,
    occurrences,
    plans,
    score_targets,
    task_agencies,
    tasks,
)
from planner.projections.view_transaction import view_transaction
from planner.queries.views import Views
from planner.storage.database import Database
from planner.storage.event_store import EventStore

PAGE = 2000
# What reports read; views of other tables (the history of every change...) are not replayed.
REPORTED = {plans, agencies, tasks, occurrences, task_agencies, score_targets}


class Replay:
    """Replays the event log into views in a temporary SQLite file, one day after another.

    Days are asked for in order; each only projects what was recorded since the day before.
    With `originators`, only the events of those aggregates are replayed (one plan's, say).
    """

    def __init__(
        self,
        source: EventStore,
        originators: Collection[UUID] | None = None,
        page_size: int = PAGE,
    ) -> None:
        self.source = source
        self.originators = originators
        self.page_size = page_size
        self._position = 0
        self._day: date | None = None
        self._directory = tempfile.TemporaryDirectory(prefix="planner-as-of-")
        database = Database.from_url(f"sqlite:///{Path(self._directory.name) / 'as-of.db'}")
        self._writer = database.engine(writer=True)
        self._reader = database.engine()
        with self._writer.begin() as connection:
            metadata.create_all(connection)
        self._projections: list[Projection] = [
            view for view in all_views() if REPORTED.intersection(view.tables)
        ]

    def views_at_end_of(self, day: date) -> Views:
        """The views as they stood at the end of `day`."""
        if self._day is not None and day < self._day:
            raise ValueError(f"replay has passed {self._day}; it cannot go back to {day}")
        self._day = day
        cutoff = end_of_day(day)
        while True:
            batch, more = self._recorded_before(cutoff)
            with view_transaction(self._writer) as transaction:
                for projection in self._projections:
                    projection.project(transaction, batch)
            if not more:
                return Views(self._reader)

    def _recorded_before(self, cutoff: datetime) -> tuple[list[DomainEvent], bool]:
        """The next page's events recorded before `cutoff`, and whether more may follow."""
        page = self.source.recorder.select_notifications(
            start=self._position, limit=self.page_size, inclusive_of_start=False
        )
        batch: list[DomainEvent] = []
        for notification in page:
            if self.originators is None or notification.originator_id in self.originators:
                event = self.source.mapper.to_domain_event(notification)
                assert isinstance(event, DomainEvent), f"not a domain event: {notification.topic}"
                if event.timestamp >= cutoff:
                    return batch, False
                batch.append(event)
            self._position = notification.id
        return batch, len(page) == self.page_size

    def close(self) -> None:
        self._writer.dispose()
        self._reader.dispose()
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
