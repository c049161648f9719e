"""`planner serve` as the tests start it when the day matters: the same root, a fixed clock.

`python -m tests.reminders.serve_process ISO_MOMENT PORT` serves on PORT with the scheduler
in-process, believing it is ISO_MOMENT; PLANNER_* settings come from the environment. Standing
by, it asks for the leader's lock every 0.1 s, so a take-over is seen without a 5 s wait.
"""

from __future__ import annotations

import sys
from datetime import datetime

from planner.application.clock import FixedClock
from planner.bootstrap.container import Container

STANDBY_POLL_SECONDS = 0.1


def main() -> None:
    moment, port = datetime.fromisoformat(sys.argv[1]), int(sys.argv[2])
    root = Container(clock=FixedClock(moment), standby_poll_seconds=STANDBY_POLL_SECONDS)
    root.serve("127.0.0.1", port, demo=False, scheduler=True)


if __name__ == "__main__":
    main()
