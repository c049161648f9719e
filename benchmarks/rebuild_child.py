"""A full rebuild in its own process, so its peak memory is the rebuild's alone."""

from __future__ import annotations

import json
import resource
import sys
import time

from sqlalchemy import func, select

from planner.projections.all_views import all_views
from planner.projections.projector import Projector
from planner.projections.schema import task_parts
from planner.storage.database import Database
from planner.storage.event_store import EventStore


def main(url: str) -> None:
    database = Database.from_url(url)
    store = EventStore(database)
    projector = Projector(store, database, all_views())
    start = time.perf_counter()
    position = projector.rebuild()
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with database.engine().connect() as connection:
        parts = connection.execute(select(func.count()).select_from(task_parts)).scalar()
    found = {"events": position, "seconds": seconds, "peak_mib": peak_kib / 1024, "parts": parts}
    print(json.dumps(found))


if __name__ == "__main__":
    main(sys.argv[1])
