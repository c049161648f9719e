"""Every task and occurrence as it stands: status, progress, due date, agencies, criteria.

It also keeps the progress counters: each occurrence counts once under its task's lead
agencies, status and due date, moved between counters as the occurrence changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from planner.domain.task import Task
from planner.domain.task_status import Status
from planner.domain.vietnam_time import local_date
from planner.projections.projection import Projection
from planner.projections.schema import (
    NO_DUE_DATE,
    occurrences,
    progress_counts,
    task_agencies,
    tasks,
)


class TaskList(Projection):
    tables = (tasks, occurrences, task_agencies, progress_counts)
    events = (Task.Event,)

    def __init__(self) -> None:
        super().__init__()
        self.tasks = self.buffer(tasks, "task_id")
        self.occurrences = self.buffer(occurrences, "task_id")
        self.agencies = self.buffer(task_agencies, "task_id")
        self.counts = self.counter(progress_counts, "occurrences")

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
                event.lead,
                {
                    "task_id": event.originator_id,
                    "occurrence": occurrence.key,
                    "plan_id": event.plan_id,
                    "due_on": occurrence.due_on,
                    "status": Status.NOT_STARTED.value,
                    "percent": 0,
                    "completed_on": None,
                    "last_note": "",
                    "evidence_count": 0,
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
                completed_on=local_date(event.timestamp),
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
        self._change(event, event.occurrence, due_on=event.due_on)

    @apply.register
    def _(self, event: Task.Reassigned) -> None:
        task = self._touch(event)
        for row in self.occurrences.find(task_id=event.originator_id):
            self._count(task["lead"], row, -1)
            self._count(event.lead, row, +1)
        task["lead"], task["coordinating"] = list(event.lead), list(event.coordinating)
        for row in self.agencies.find(task_id=event.originator_id):
            self.agencies.remove(row["task_id"], row["agency"])
        self._assign(event.originator_id, task["plan_id"], event.lead, event.coordinating)

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
        task = self._touch(event)
        row = self.occurrences.get(event.originator_id, occurrence)
        assert row is not None, f"task {event.originator_id} has no occurrence '{occurrence}'"
        self._count(task["lead"], row, -1)
        row = dict(row)
        change(row)
        self._put_occurrence(task["lead"], row)

    def _put_occurrence(self, lead: Sequence[str], row: dict[str, Any]) -> None:
        self.occurrences.put(row)
        self._count(lead, row, +1)

    def _count(self, lead: Sequence[str], row: dict[str, Any], amount: int) -> None:
        due_on = row["due_on"]
        on_time = row["status"] == Status.COMPLETED and (
            due_on is None or row["completed_on"] <= due_on
        )
        leads = ",".join(sorted(set(lead)))
        key = (row["plan_id"], leads, row["status"], due_on or NO_DUE_DATE, on_time)
        self.counts.add(key, amount)

    def _touch(self, event: Task.Event) -> dict[str, Any]:
        task = self.tasks.get(event.originator_id)
        assert task is not None, f"task {event.originator_id} has no Added event"
        task = {**task, "version": event.originator_version, "updated_at": event.timestamp}
        self.tasks.put(task)
        return task
