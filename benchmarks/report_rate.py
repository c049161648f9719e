"""A plan's quarterly report as of a past day, against a full rebuild of the same store's views.

A past day's report replays that plan's events (and the agencies') into fresh views in a
temporary SQLite file; the floor is rebuilding every view of the whole store in place. With
several provinces in one store the report replays only one plan's share of the log.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from benchmarks.national_data import Scale, generate, plan_number
from planner.application.planner import Planner
from planner.queries.basis import Basis
from planner.reports.building import build_report
from planner.reports.delivery import ReportFormat, render
from planner.reports.periods import ReportPeriod
from planner.settings import Settings
from planner.storage.database import Database
from planner.storage.event_store import EventStore

REPEAT = 3
QUARTER = ReportPeriod(2023, 3)


@dataclass(frozen=True)
class ReportRate:
    backend: str
    provinces: int
    tasks: int
    events: int
    rebuild_seconds: float
    report_seconds: float  # theo số liệu hiện nay: from the parts' dated states
    render_ms: dict[str, float]
    recorded_seconds: float = 0.0  # đã ghi nhận: replayed from the events of those days

    @property
    def ratio(self) -> float:
        return self.report_seconds / self.rebuild_seconds


def measure(backend: str, url: str, provinces: int) -> ReportRate:
    scale = Scale(provinces=provinces)
    store = EventStore(Database.from_url(url))
    events = max(generate(store, scale), default=0)  # it yields the running count
    store.close()
    with Planner(Settings(database_url=url)) as planner:
        start = time.perf_counter()
        planner.projector.rebuild()
        rebuild_seconds = time.perf_counter() - start
        timings, recorded = [], []
        for _ in range(REPEAT):
            start = time.perf_counter()
            report = build_report(planner, plan_number(1), QUARTER)
            timings.append(time.perf_counter() - start)
            start = time.perf_counter()
            build_report(planner, plan_number(1), QUARTER, basis=Basis.RECORDED)
            recorded.append(time.perf_counter() - start)
    render_ms = {}
    for fmt in ReportFormat:
        start = time.perf_counter()
        render(report, fmt)
        render_ms[fmt.value] = (time.perf_counter() - start) * 1000
    return ReportRate(
        backend,
        provinces,
        scale.tasks,
        events,
        rebuild_seconds,
        statistics.median(timings),
        render_ms,
        statistics.median(recorded),
    )
