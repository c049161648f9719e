"""The national-scale questions asked in a process of their own, as a server would answer them.

The process that seeded two million events still holds what seeding left behind, and every
full garbage collection walks it. A server starts with only the application in memory and
tunes its collector once started (`api/collector.py`); so does this process.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import sys
from collections.abc import Callable
from datetime import datetime, time, timedelta
from time import perf_counter
from typing import Any

from api.collector import tune_for_serving
from benchmarks.national_data import QUERY_DAY, plan_number
from benchmarks.raw_reads import FLOORS, read_ms
from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.bootstrap.store import open_planner
from planner.domain.vietnam_time import VIETNAM
from planner.queries.basis import Basis
from planner.settings import Settings

REPEAT = 30
PAST_DAY = QUERY_DAY - timedelta(days=45)
AS_OF_PROGRESS = "as of a past day: progress, one plan"
AS_OF_OVERDUE = "as of a past day: overdue, one plan"


@dataclasses.dataclass(frozen=True)
class Latency:
    name: str
    rows: int
    median_ms: float
    p95_ms: float
    floor_median_ms: float | None = None  # reading the same rows raw (raw_reads.py)

    @property
    def ratio(self) -> float | None:
        """How many times the raw read of the rows the query takes, at the median."""
        return None if self.floor_median_ms is None else self.median_ms / self.floor_median_ms


def main(url: str) -> None:
    # The questions are asked on QUERY_DAY as today (the live views); the past-day cases
    # ask about a day before it, in both readings (the parts' dated states).
    today = FixedClock(datetime.combine(QUERY_DAY, time(9), VIETNAM))
    with open_planner(Settings(database_url=url), today) as planner:
        tune_for_serving()
        latencies = _queries(planner)
    print(json.dumps([dataclasses.asdict(latency) for latency in latencies]))


def _queries(planner: Planner) -> list[Latency]:
    views = planner.views
    plan = views.plan(plan_number(1)).plan_id
    task = views.tasks(plan)[0].task_id
    cases: list[tuple[str, Callable[[], list[Any]]]] = [
        ("overdue, one province's plan", lambda: views.overdue(QUERY_DAY, plan)),
        ("progress per agency, one plan", lambda: views.progress(QUERY_DAY, plan)),
        ("score board, one plan", lambda: views.score_board(plan)),
        ("history of one task", lambda: views.history(task)),
        ("overdue, all plans: first 100", lambda: views.overdue(QUERY_DAY, limit=100)),
        ("overdue, all plans: count", lambda: [views.count_overdue(QUERY_DAY)]),
        ("progress per agency, all plans", lambda: views.progress(QUERY_DAY)),
        ("score board, all plans", lambda: views.score_board()),
        (
            f"{AS_OF_PROGRESS}, theo số liệu hiện nay",
            lambda: views.progress(PAST_DAY, plan, Basis.CURRENT),
        ),
        (
            f"{AS_OF_PROGRESS}, đã ghi nhận",
            lambda: views.progress(PAST_DAY, plan, Basis.RECORDED),
        ),
        (
            f"{AS_OF_OVERDUE}, theo số liệu hiện nay",
            lambda: views.overdue(PAST_DAY, plan, basis=Basis.CURRENT),
        ),
        (
            f"{AS_OF_OVERDUE}, đã ghi nhận",
            lambda: views.overdue(PAST_DAY, plan, basis=Basis.RECORDED),
        ),
    ]
    return [_latency(name, query, planner) for name, query in cases]


def _latency(name: str, query: Callable[[], list[Any]], planner: Planner) -> Latency:
    rows = len(query())
    median, p95 = _timed(query)
    floor = FLOORS.get(name)
    if floor is None:
        return Latency(name, rows, median, p95)
    engine = planner.views.engine
    floor_median, _ = _timed(lambda: read_ms(engine, floor, QUERY_DAY))
    return Latency(name, rows, median, p95, floor_median)


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """Median and 95th percentile of REPEAT runs, in milliseconds."""
    timings = []
    for _ in range(REPEAT):
        start = perf_counter()
        run()
        timings.append((perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(0, round(0.95 * len(timings)) - 1)]


if __name__ == "__main__":
    main(sys.argv[1])
