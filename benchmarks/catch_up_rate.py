"""Projection catch-up in events per second, against raw batched SQL inserts.

The events are a slice of the national-scale data (tasks with their histories). The floor
inserts the same number of rows, one per event and shaped like a history row, with executemany
in batches of the projector's size, each batch its own transaction, into the same database.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import uuid4

from sqlalchemy import JSON, Column, Integer, MetaData, String, Table, Uuid, insert

from benchmarks.national_data import Scale, generate
from planner.projections.all_views import all_views
from planner.projections.projector import Projector
from planner.projections.schema import UtcDateTime
from planner.storage.database import Database
from planner.storage.event_store import EventStore

scratch = MetaData()
floor_rows = Table(
    "bench_floor_rows",
    scratch,
    Column("aggregate_id", Uuid, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("aggregate_type", String(16)),
    Column("event", String(32)),
    Column("actor_user", String(100)),
    Column("actor_agency", String(32)),
    Column("actor_role", String(16)),
    Column("at", UtcDateTime()),
    Column("details", JSON),
)


@dataclass(frozen=True)
class CatchUpRate:
    backend: str
    events: int
    raw_inserts_per_second: float
    events_per_second: float

    @property
    def ratio(self) -> float:
        return self.events_per_second / self.raw_inserts_per_second


def measure(backend: str, url: str, provinces: int) -> CatchUpRate:
    database = Database.from_url(url)
    store = EventStore(database)
    events = list(generate(store, Scale(provinces=provinces)))[-1]
    projector = Projector(store, database, all_views())
    projector.create_tables()
    before = _raw_inserts(database, events, projector.batch_size)
    start = time.perf_counter()
    projector.catch_up()
    rate = events / (time.perf_counter() - start)
    # The floor is taken before and after, as this machine's disk drifts within a minute.
    raw = (before + _raw_inserts(database, events, projector.batch_size)) / 2
    projector.close()
    store.close()
    return CatchUpRate(backend, events, raw, rate)


def _raw_inserts(database: Database, count: int, batch: int) -> float:
    engine = database.engine(writer=True)
    scratch.drop_all(engine)
    scratch.create_all(engine)
    now = datetime.now(UTC)
    rows = [
        {
            "aggregate_id": uuid4(),
            "version": 1,
            "aggregate_type": "task",
            "event": "ProgressReported",
            "actor_user": "can-bo.t01_a01",
            "actor_agency": "T01_A01",
            "actor_role": "agency",
            "at": now,
            "details": {"occurrence": "", "percent": 40, "note": "Đã triển khai", "evidence": []},
        }
        for _ in range(count)
    ]
    start = time.perf_counter()
    for first in range(0, count, batch):
        with engine.begin() as connection:
            connection.execute(insert(floor_rows), rows[first : first + batch])
    rate = count / (time.perf_counter() - start)
    engine.dispose()
    return rate
