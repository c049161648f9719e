"""A planner process running the reminder scheduler on a given day, as the tests start it.

`python -m tests.reminders.scheduler_process DATABASE_URL ISO_MOMENT` prints a line per
run of the daily job and stops on SIGTERM, handing the leader's lock over. It starts from the
composition root, with the PLANNER_* settings of its environment.
"""

from __future__ import annotations

import signal
import sys
import threading
from datetime import datetime
from types import FrameType

from planner.application.clock import FixedClock
from planner.application.reminders import RunReport
from planner.bootstrap.container import Container
from planner.bootstrap.settings import read_settings


def main() -> None:
    database_url, moment = sys.argv[1], datetime.fromisoformat(sys.argv[2])
    stop = threading.Event()

    def request_stop(_signal: int, _frame: FrameType | None) -> None:
        stop.set()

    def report(run: RunReport) -> None:
        print(f"run sent={len(run.sent)} skipped={run.skipped}", flush=True)

    signal.signal(signal.SIGTERM, request_stop)
    settings = read_settings({"PLANNER_DATABASE_URL": database_url})
    root = Container(settings, FixedClock(moment), standby_poll_seconds=0.1)
    with root.open_planner() as planner:
        scheduler = root.scheduler(planner, on_run=report)
        scheduler.start()
        print("standing by", flush=True)
        stop.wait()
        scheduler.stop()
    print("stopped", flush=True)


if __name__ == "__main__":
    main()
