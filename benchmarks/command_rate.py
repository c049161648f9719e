"""Task commands per second through the application, against raw appends of the library.

A command loads the task, checks the rules, appends its event and brings the views up to date
before returning (read your writes). The floor is the library's recorder appending one stored
event of the same size per call, on a twin store of the same kind (a file in the same directory,
a schema on the same server) so its events do not reach the views being measured. Commands and
raw appends take turns in rounds: this machine's disk latency drifts within a minute, and
measuring one after the other would compare two different disks.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID, uuid4

from eventsourcing.persistence import StoredEvent

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.bootstrap.store import open_planner
from planner.domain.actor import Actor, Role
from planner.domain.criterion import CriterionRef, Index
from planner.domain.schedule_text import read_schedule
from planner.domain.task import Task
from planner.settings import Settings
from planner.storage.database import Database
from planner.storage.event_store import EventStore

TASKS = 200
ROUNDS = 10


@dataclass(frozen=True)
class CommandRate:
    backend: str
    commands: int
    raw_appends_per_second: float
    commands_per_second: float

    @property
    def ratio(self) -> float:
        return self.commands_per_second / self.raw_appends_per_second


def measure(backend: str, url: str, twin_url: str, commands: int) -> CommandRate:
    clock = FixedClock(datetime(2023, 7, 1, 2, tzinfo=UTC))
    with open_planner(Settings(database_url=url), clock) as planner:
        tasks = seed_tasks(planner)
        staff = planner.actor("can-bo.stp", "STP", Role.AGENCY)
        sample = _sample_event(planner, tasks[0], staff)
        twin = EventStore(Database.from_url(twin_url))
        per_round = commands // ROUNDS
        raw_seconds = command_seconds = 0.0
        for turn in range(ROUNDS):
            raw_seconds += _raw_appends(twin, sample, per_round)
            start = time.perf_counter()
            for number in range(turn * per_round, (turn + 1) * per_round):
                planner.tasks.report_progress(
                    tasks[number % TASKS], None, staff, percent=number % 100, note="Đang thực hiện"
                )
            command_seconds += time.perf_counter() - start
        twin.close()
    done = per_round * ROUNDS
    return CommandRate(backend, done, done / raw_seconds, done / command_seconds)


def seed_tasks(planner: Planner) -> list[UUID]:
    """A plan of TASKS tasks led by Sở Tư pháp, on the default registry."""
    planner.agencies.register_defaults(planner.system)
    plan = planner.plans.register(
        number="1/KH-BENCH",
        title="Kế hoạch đo tốc độ",
        issuer="UBND tỉnh",
        province="Đo kiểm",
        issued_on=date(2023, 6, 1),
        year=2023,
        indices=(Index.PAR_INDEX,),
        actor=planner.system,
    )
    schedule = read_schedule("Năm 2023", 2023).schedule
    with planner.workspace.bulk():
        return [
            planner.tasks.add(
                plan,
                reference=f"B.{number}",
                text=f"Nhiệm vụ đo kiểm số {number}",
                criteria=(CriterionRef.parse("1.2"),),
                lead=["STP"],
                schedule=schedule,
                actor=planner.system,
            )
            for number in range(TASKS)
        ]


def _sample_event(planner: Planner, task_id: UUID, staff: Actor) -> StoredEvent:
    """A stored progress report, the size of those the commands append."""
    task = planner.workspace.load(Task, task_id, "nhiệm vụ")
    task.report_progress(None, 50, "Đang thực hiện", (), staff, planner.workspace.clock.now())
    return planner.store.mapper.to_stored_event(task.collect_events()[-1])


def _raw_appends(twin: EventStore, sample: StoredEvent, count: int) -> float:
    """Seconds for the library to append `count` events, one per call: what a command costs
    at the very least."""
    start = time.perf_counter()
    for _ in range(count):
        twin.recorder.insert_events([StoredEvent(uuid4(), 1, sample.topic, sample.state)])
    return time.perf_counter() - start
