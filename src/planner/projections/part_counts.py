"""How each part counts towards progress: under its body and status, and open work by due date.

Parts marked not applicable count nowhere; `total` leaves out cancelled work; completed on time
is against the deadline in force when the work was due, extensions aside.
"""

from __future__ import annotations

from typing import Any

from planner.domain.task_status import CLOSED, Status, on_time
from planner.projections.counter_buffer import CounterBuffer

PROGRESS_COUNTS = (
    "total",
    "completed",
    "completed_on_time",
    "in_progress",
    "not_started",
    "blocked",
    "cancelled",
)
# The counts a part adds to, by its status.
COUNTED_AS: dict[str, tuple[str, ...]] = {
    Status.NOT_STARTED: ("total", "not_started"),
    Status.IN_PROGRESS: ("total", "in_progress"),
    Status.BLOCKED: ("total", "blocked"),
    Status.COMPLETED: ("total", "completed"),
    Status.CANCELLED: ("cancelled",),
}


class PartCounts:
    COLUMNS = PROGRESS_COUNTS

    def __init__(self, counts: CounterBuffer, open_by_due: CounterBuffer) -> None:
        self.counts = counts
        self.open_by_due = open_by_due

    def add(self, part: dict[str, Any], amount: int) -> None:
        """Count `part` (a row of view_task_parts) `amount` times (+1 or -1)."""
        if not part["applies"]:
            return
        status, due_on = part["status"], part["due_on"]
        key = (part["plan_id"], part["agency"])
        for column in COUNTED_AS[status]:
            self.counts.add(key, column, amount)
        if status == Status.COMPLETED and on_time(part["completed_on"], part["deadline_on"]):
            self.counts.add(key, "completed_on_time", amount)
        if due_on is not None and status not in CLOSED:
            self.open_by_due.add((*key, due_on), "occurrences", amount)
