"""A planner process running the reminder scheduler on a given day, as the tests start it.

`python -m tests.reminders.scheduler_process DATABASE_URL ISO_MOMENT` prints a line per
run of the daily job and stops on SIGTERM, handing the leader's lock over.
"""

from __future__ import annotations

import signal
import sys
import threading
from datetime import datetime
from types import FrameType

from notifications.scheduler import ReminderScheduler
from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.application.reminder_settings import ReminderSettings
from planner.application.reminders import RunReport
from planner.settings import Settings


def main() -> None:
    database_url, moment = sys.argv[1], datetime.fromisoformat(sys.argv[2])
    stop = threading.Event()

    def request_stop(_signal: int, _frame: FrameType | None) -> None:
        stop.set()

    def report(run: RunReport) -> None:
        print(f"run sent={len(run.sent)} skipped={run.skipped}", flush=True)

    signal.signal(signal.SIGTERM, request_stop)
    with Planner(Settings(database_url=database_url), FixedClock(moment)) as planner:
        scheduler = ReminderScheduler(
            planner, ReminderSettings.from_env(), standby_poll_seconds=0.1, on_run=report
        )
        scheduler.start()
        print("standing by", flush=True)
        stop.wait()
        scheduler.stop()
    print("stopped", flush=True)


if __name__ == "__main__":
    main()
