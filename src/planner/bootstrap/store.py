"""The planner application opened on its store: the database named by the settings, the event
store in it, and the views caught up with every event recorded while nothing ran."""

from __future__ import annotations

from planner.application.clock import Clock, SystemClock
from planner.application.planner import Planner
from planner.projections.all_views import all_views
from planner.projections.projector import Projector
from planner.settings import Settings
from planner.storage.database import Database
from planner.storage.event_store import EventStore


def open_planner(settings: Settings, clock: Clock | None = None) -> Planner:
    """Planner on `settings.database_url`; `clock` is the system's unless a test or the demo
    sets one. Close it (or use it in a `with`) to release the connections."""
    database = Database.from_url(
        settings.database_url, settings.pool_size, settings.database_timeout_seconds
    )
    store = EventStore(database)
    projector = Projector(store, database, all_views())
    projector.create_tables()
    projector.catch_up()  # after a restart, events recorded meanwhile reach the views
    return Planner(settings, database, store, projector, clock or SystemClock())
