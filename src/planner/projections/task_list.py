"""Every task and occurrence as it stands: status, progress, due date, agencies, criteria.

It also keeps the progress counters: each occurrence counts once under its task's lead
agencies and status, and open work once more under its due date, moved between counters as
the occurrence changes. It runs after the plan catalog, whose rows give each occurrence its
plan's number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from planner.domain.task import Task
from planner.domain.task_status import Status, on_time
from planner.domain.vietnam_time import local_date
from planner.projections.projection import Projection
from planner.projections.schema import (
    occurrence_states,
    occurrences,
    open_by_due_date,
    plans,
    progress_counts,
    task_agencies,
    tasks,
)
from planner.projections.view_transaction import ViewTransaction

PROGRESS_COUNTS = (
    "total",
    "completed",
    "completed_on_time",
    "in_progress",
    "not_started",
    "blocked",
    "cancelled",
)
CLOSED = frozenset(s for s in Status if s.is_closed)
# The counts an occurrence adds to, by its status; `total` leaves out cancelled work.
COUNTED_AS: dict[str, tuple[str, ...]] = {
    Status.NOT_STARTED: ("total", "not_started"),
    Status.IN_PROGRESS: ("total", "in_progress"),
    Status.BLOCKED: ("total", "blocked"),
    Status.COMPLETED: ("total", "completed"),
    Status.CANCELLED: ("cancelled",),
}


class TaskList(Projection):
    tables = (
        tasks,
        occurrences,
        occurrence_states,
        task_agencies,
        progress_counts,
        open_by_due_date,
    )
    events = (Task.Event,)

    def __init__(self) -> None:
        super().__init__()
        self.tasks = self.buffer(tasks, "task_id")
        self.occurrences = self.buffer(occurrences, "task_id")
        self.agencies = self.buffer(task_agencies, "task_id")
        self.counts = self.counter(progress_counts, *PROGRESS_COUNTS)
        self.open_by_due = self.counter(open_by_due_date, "occurrences")
        self.states = self.append_buffer(occurrence_states)

    @singledispatchmethod
    def apply(self, domain_event: object) -> None:
        """Events this view does not handle leave it unchanged."""

    @apply.register
    def _(self, event: Task.Added) -> None:
        self.tasks.put(
            {
                "task_id": event.originator_id,
                "plan_id": event.plan_id,
                "reference": event.reference,
                "text": event.text,
                "criteria": [str(c) for c in event.criteria],
                "lead": list(event.lead),
                "coordinating": list(event.coordinating),
                "schedule_kind": event.schedule.kind.value,
                "schedule_text": event.schedule.text,
                "expected_output": event.expected_output,
                "recurring": event.schedule.is_recurring,
                "version": event.originator_version,
                "updated_at": event.timestamp,
            }
        )
        for occurrence in event.schedule.occurrences():
            self._put_occurrence(
                event,
                event.lead,
                {
                    "task_id": event.originator_id,
                    "occurrence": occurrence.key,
                    "plan_id": event.plan_id,
                    "due_on": occurrence.due_on,
                    "deadline_on": occurrence.due_on,
                    "requested_to": None,
                    "status": Status.NOT_STARTED.value,
                    "percent": 0,
                    "completed_on": None,
                    "last_note": "",
                    "evidence_count": 0,
                    "plan_number": None,  # filled in by `settle`
                    "reference": event.reference,
                },
            )
        self._assign(event.originator_id, event.plan_id, event.lead, event.coordinating)

    @apply.register
    def _(self, event: Task.Started) -> None:
        self._change(event, event.occurrence, status=Status.IN_PROGRESS.value)

    @apply.register
    def _(self, event: Task.ProgressReported) -> None:
        def report(row: dict[str, Any]) -> None:
            if event.note:
                row["last_note"] = event.note
            row["evidence_count"] += len(event.evidence)
            if event.percent is not None:
                row["percent"] = event.percent
                # As in the aggregate: a reported percentage starts work not yet started.
                if row["status"] == Status.NOT_STARTED:
                    row["status"] = Status.IN_PROGRESS.value

        self._update(event, event.occurrence, report)

    @apply.register
    def _(self, event: Task.Completed) -> None:
        def complete(row: dict[str, Any]) -> None:
            row.update(
                status=Status.COMPLETED.value,
                percent=100,
                completed_on=_effective_on(event),
                evidence_count=row["evidence_count"] + len(event.evidence),
            )
            if event.note:
                row["last_note"] = event.note

        self._update(event, event.occurrence, complete)

    @apply.register
    def _(self, event: Task.Blocked) -> None:
        self._change(event, event.occurrence, status=Status.BLOCKED.value, last_note=event.reason)

    @apply.register
    def _(self, event: Task.Unblocked) -> None:
        self._change(event, event.occurrence, status=Status(event.status).value)

    @apply.register
    def _(self, event: Task.Cancelled) -> None:
        for key in event.occurrences:
            self._change(event, key, status=Status.CANCELLED.value, last_note=event.reason)

    @apply.register
    def _(self, event: Task.Reopened) -> None:
        self._change(event, event.occurrence, status=Status.IN_PROGRESS.value, completed_on=None)

    @apply.register
    def _(self, event: Task.DeadlineChanged) -> None:
        self._change(event, event.occurrence, due_on=event.due_on, deadline_on=event.due_on)

    @apply.register
    def _(self, event: Task.ExtensionRequested) -> None:
        self._change(event, event.occurrence, requested_to=event.to)

    @apply.register
    def _(self, event: Task.ExtensionDecided) -> None:
        if event.approved:
            self._change(event, event.occurrence, requested_to=None, due_on=event.to)
        else:
            self._change(event, event.occurrence, requested_to=None)

    @apply.register
    def _(self, event: Task.Reassigned) -> None:
        task = self._task(event)
        for row in self.occurrences.find(task_id=event.originator_id):
            self._count(task["lead"], row, -1)
            self._count(event.lead, row, +1)
            self._record_state(event, event.lead, row)
        self.tasks.put(
            {
                **task,
                "lead": list(event.lead),
                "coordinating": list(event.coordinating),
                "version": event.originator_version,
                "updated_at": event.timestamp,
            }
        )
        for row in self.agencies.find(task_id=event.originator_id):
            self.agencies.remove(row["task_id"], row["agency"])
        self._assign(event.originator_id, task["plan_id"], event.lead, event.coordinating)

    def settle(self, transaction: ViewTransaction) -> None:
        """Give new occurrences their plan's number, which the plan catalog has just written."""
        new = [row for row in self.occurrences.changed() if row["plan_number"] is None]
        if not new:
            return
        wanted = list({row["plan_id"] for row in new})
        found = transaction.statements(plans).select_by(transaction.reads, "plan_id", wanted)
        numbers = {plan["plan_id"]: plan["number"] for plan in found}
        for row in new:
            row["plan_number"] = numbers.get(row["plan_id"], "")

    def _assign(
        self, task_id: Any, plan_id: Any, lead: tuple[str, ...], coordinating: tuple[str, ...]
    ) -> None:
        for role, codes in (("lead", lead), ("coordinating", coordinating)):
            for code in codes:
                self.agencies.put(
                    {"task_id": task_id, "agency": code, "role": role, "plan_id": plan_id}
                )

    def _change(self, event: Task.Event, occurrence: str, **values: Any) -> None:
        self._update(event, occurrence, lambda row: row.update(values))

    def _update(
        self, event: Task.Event, occurrence: str, change: Callable[[dict[str, Any]], None]
    ) -> None:
        self.tasks.patch(
            {
                "task_id": event.originator_id,
                "version": event.originator_version,
                "updated_at": event.timestamp,
            }
        )
        before = self.occurrences.get(event.originator_id, occurrence)
        assert before is not None, f"task {event.originator_id} has no occurrence '{occurrence}'"
        after = dict(before)
        change(after)
        self.occurrences.put(after)
        lead = self._task(event)["lead"]
        if _counted(before) != _counted(after):  # a progress report moves no counter
            self._count(lead, before, -1)
            self._count(lead, after, +1)
        self._record_state(event, lead, after)

    def _put_occurrence(self, event: Task.Event, lead: Sequence[str], row: dict[str, Any]) -> None:
        self.occurrences.put(row)
        self._count(lead, row, +1)
        self._record_state(event, lead, row)

    def _record_state(self, event: Task.Event, lead: Sequence[str], row: dict[str, Any]) -> None:
        """The occurrence as this change left it, dated both ways, for questions of the past."""
        self.states.put(
            {
                "task_id": row["task_id"],
                "occurrence": row["occurrence"],
                "version": event.originator_version,
                "plan_id": row["plan_id"],
                "effective_on": _effective_on(event),
                "recorded_on": local_date(event.timestamp),
                "status": row["status"],
                "percent": row["percent"],
                "due_on": row["due_on"],
                "deadline_on": row["deadline_on"],
                "completed_on": row["completed_on"],
                "leads": _leads(tuple(lead)),
            }
        )

    def _count(self, lead: Sequence[str], row: dict[str, Any], amount: int) -> None:
        due_on, status = row["due_on"], row["status"]
        key = (row["plan_id"], _leads(tuple(lead)))
        for column in COUNTED_AS[status]:
            self.counts.add(key, column, amount)
        if status == Status.COMPLETED and on_time(row["completed_on"], row["deadline_on"]):
            self.counts.add(key, "completed_on_time", amount)
        if due_on is not None and status not in CLOSED:
            self.open_by_due.add((*key, due_on), "occurrences", amount)

    def _task(self, event: Task.Event) -> dict[str, Any]:
        task = self.tasks.get(event.originator_id)
        assert task is not None, f"task {event.originator_id} has no Added event"
        return task


def _counted(row: dict[str, Any]) -> tuple[Any, ...]:
    """What an occurrence's counters depend on."""
    return row["status"], row["due_on"], row["deadline_on"], row["completed_on"]


def _effective_on(event: Task.Event) -> date:
    """The day a change took effect: as its author said, or the day it was recorded."""
    return getattr(event, "effective_on", None) or local_date(event.timestamp)


@cache
def _leads(lead: tuple[str, ...]) -> str:
    return ",".join(sorted(set(lead)))
