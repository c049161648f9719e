"""One province's quarterly report as of a past day, on the national-scale store, in both views.

Run in a process of its own on the store the national benchmark seeded (as `query_child` is).
The floor is a plain read of the plan's events: every stored event of the plan, its tasks and
targets and the agencies, in one query, not decoded.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from datetime import time as clock_time
from typing import Any

from sqlalchemy import Column, Integer, LargeBinary, MetaData, Table, Text, Uuid, select

from api.collector import tune_for_serving
from benchmarks.national_data import QUERY_DAY, plan_number
from planner.application.clock import FixedClock
from planner.bootstrap.store import open_planner
from planner.domain.vietnam_time import VIETNAM
from planner.queries.basis import Basis
from planner.reports.building import build_report
from planner.reports.delivery import ReportFormat, render
from planner.reports.periods import ReportPeriod
from planner.reports.snapshot import aggregates_of
from planner.settings import Settings

REPEAT = 5
QUARTER = ReportPeriod(2023, 3)


def _stored_events(recorder: Any) -> Table:
    """The library's table of stored events, as far as a plain read needs it: named by the
    recorder, in its schema on PostgreSQL."""
    datastore = getattr(recorder, "datastore", None)
    return Table(
        recorder.events_table_name,
        MetaData(),
        Column("originator_id", Uuid),
        Column("originator_version", Integer),
        Column("topic", Text),
        Column("state", LargeBinary),
        schema=getattr(datastore, "schema", None) or None,
    )


@dataclasses.dataclass(frozen=True)
class ReportRate:
    backend: str
    plan_events: int
    plain_read_seconds: float  # the plan's stored events, read raw
    current_seconds: float  # theo số liệu hiện nay
    recorded_seconds: float  # theo số liệu đã ghi nhận
    render_ms: dict[str, float]

    def ratio(self, seconds: float) -> float:
        return seconds / self.plain_read_seconds


def main(url: str) -> None:
    today = FixedClock(datetime.combine(QUERY_DAY, clock_time(9), VIETNAM))
    with open_planner(Settings(database_url=url), today) as planner:
        tune_for_serving()
        ids = aggregates_of(planner.views, planner.views.plan(plan_number(1)).plan_id)

        stored = _stored_events(planner.store.recorder)

        def plain_read() -> int:
            with planner.views.engine.connect() as connection:
                query = select(stored).where(stored.c.originator_id.in_(ids))
                return len(connection.execute(query).all())

        def report(basis: Basis) -> Callable[[], object]:
            return lambda: build_report(planner, plan_number(1), QUARTER, basis=basis)

        built = build_report(planner, plan_number(1), QUARTER)
        found = {
            "plan_events": plain_read(),
            "plain_read_seconds": _median(plain_read),
            "current_seconds": _median(report(Basis.CURRENT)),
            "recorded_seconds": _median(report(Basis.RECORDED)),
            "render_ms": {
                f.value: _median(lambda f=f: render(built, f)) * 1000 for f in ReportFormat
            },
        }
    print(json.dumps(found))


def _median(run: Callable[[], object]) -> float:
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


if __name__ == "__main__":
    main(sys.argv[1])
