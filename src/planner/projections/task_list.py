"""Every task, occurrence and lead body's part as it stands: status, progress, due date.

Each lead body has its own part of each occurrence; the occurrence's status is derived from
its parts as the aggregate derives it. The progress counters count parts: each under its body
and status, and open parts once more under their due date, moved between counters as the part
changes. Every change also leaves the parts' states, dated both ways, for questions about a
past day. It runs after the plan catalog, whose rows give each occurrence its plan's number.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from planner.domain.actor import Actor
from planner.domain.task import Task
from planner.domain.task_part import UNASSIGNED, occurrence_percent, occurrence_status
from planner.domain.task_status import CLOSED, Status
from planner.domain.vietnam_time import local_date
from planner.projections.part_counts import PartCounts
from planner.projections.projection import Projection
from planner.projections.schema import (
    occurrence_states,
    occurrences,
    open_by_due_date,
    plans,
    progress_counts,
    task_agencies,
    task_inputs,
    task_parts,
    tasks,
)
from planner.projections.view_transaction import ViewTransaction

Row = dict[str, Any]


class TaskList(Projection):
    tables = (
        tasks,
        occurrences,
        task_parts,
        task_inputs,
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
        self.parts = self.buffer(task_parts, "task_id")
        self.inputs = self.buffer(task_inputs, "task_id")
        self.agencies = self.buffer(task_agencies, "task_id")
        self.counted = PartCounts(
            self.counter(progress_counts, *PartCounts.COLUMNS),
            self.counter(open_by_due_date, "occurrences"),
        )
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
            row = {
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
                "parts": len(event.lead) or 1,
                "parts_open": sorted(event.lead or (UNASSIGNED,)),
                "parts_due": {},
                "late_from": occurrence.due_on,
            }
            self.occurrences.put(row)
            for body in event.lead or (UNASSIGNED,):
                self._add_part(event, row, body)
            for body in event.coordinating:
                self._owe_input(row, body)
        self._assign(event.originator_id, event.plan_id, event.lead, event.coordinating)
        for group in event.lead_groups:
            self.agencies.put(
                {
                    "task_id": event.originator_id,
                    "agency": group,
                    "role": "group",
                    "plan_id": event.plan_id,
                }
            )

    @apply.register
    def _(self, event: Task.LeadJoined) -> None:
        task = self._task(event)
        self.tasks.put({**task, "lead": [*task["lead"], event.body]})
        self._assign(event.originator_id, task["plan_id"], (event.body,), ())
        for key in event.occurrences:
            self._add_part(event, self._occurrence(event, key), event.body)
            self._derive(event, key, {}, 0)

    @apply.register
    def _(self, event: Task.Started) -> None:
        self._parts_change(event, event.occurrence, event.part, status=Status.IN_PROGRESS.value)

    @apply.register
    def _(self, event: Task.ProgressReported) -> None:
        values: Row = {}
        if event.percent is not None:
            values["percent"] = event.percent
        note = {"last_note": event.note} if event.note else {}
        evidence = len(event.evidence)
        self._parts_change(
            event, event.occurrence, event.part, note=note, evidence=evidence, **values
        )

    @apply.register
    def _(self, event: Task.Completed) -> None:
        note = {"last_note": event.note} if event.note else {}
        self._parts_change(
            event,
            event.occurrence,
            event.part,
            note=note,
            evidence=len(event.evidence),
            status=Status.COMPLETED.value,
            percent=100,
            completed_on=_effective_on(event),
        )

    @apply.register
    def _(self, event: Task.Blocked) -> None:
        self._parts_change(
            event,
            event.occurrence,
            event.part,
            note={"last_note": event.reason},
            status=Status.BLOCKED.value,
        )

    @apply.register
    def _(self, event: Task.Unblocked) -> None:
        self._parts_change(event, event.occurrence, event.part, status=Status(event.status).value)

    @apply.register
    def _(self, event: Task.Cancelled) -> None:
        for key in event.occurrences:
            self._each_part(
                event,
                key,
                self._rows_of(event, key),
                {"last_note": event.reason},
                0,
                {"status": Status.CANCELLED.value},
            )

    @apply.register
    def _(self, event: Task.Reopened) -> None:
        self._parts_change(
            event,
            event.occurrence,
            event.part,
            status=Status.IN_PROGRESS.value,
            completed_on=None,
        )

    @apply.register
    def _(self, event: Task.DeadlineChanged) -> None:
        self._dates_change(event, event.occurrence, due_on=event.due_on, deadline_on=event.due_on)

    @apply.register
    def _(self, event: Task.ExtensionRequested) -> None:
        self._dates_change(event, event.occurrence, requested_to=event.to)

    @apply.register
    def _(self, event: Task.ExtensionDecided) -> None:
        granted = {"due_on": event.to} if event.approved else {}
        self._dates_change(event, event.occurrence, requested_to=None, **granted)

    @apply.register
    def _(self, event: Task.PartsExtended) -> None:
        for key in event.occurrences:
            rows = [self._part(event, key, body) for body in event.parts]
            self._each_part(event, key, rows, {}, 0, {"due_on": event.to})

    @apply.register
    def _(self, event: Task.InputSent) -> None:
        found = self.inputs.get(event.originator_id, event.occurrence, event.body)
        assert found is not None, f"task {event.originator_id}: {event.body} owes no input"
        self.inputs.put({**found, "sent_on": _effective_on(event), "note": event.note})
        self._derive(event, event.occurrence, {}, len(event.evidence))

    @apply.register
    def _(self, event: Task.MarkedNotApplicable) -> None:
        for key in event.occurrences:
            rows = [self._part(event, key, body) for body in event.parts]
            self._each_part(event, key, rows, {}, 0, {"applies": False})

    @apply.register
    def _(self, event: Task.MarkedApplicable) -> None:
        for key in event.occurrences:
            rows = [self._part(event, key, body) for body in event.parts]
            self._each_part(event, key, rows, {}, 0, {"applies": True})

    @apply.register
    def _(self, event: Task.Reassigned) -> None:
        task = self._task(event)
        self.tasks.put(
            {
                **task,
                "lead": list(event.lead),
                "coordinating": list(event.coordinating),
                "version": event.originator_version,
                "updated_at": event.timestamp,
            }
        )
        for row in self.occurrences.find(task_id=event.originator_id):
            if row["status"] not in CLOSED:
                self._follow_lead(event, row, event.lead)
                self._follow_coordinating(row, event.coordinating)
        for found in self.agencies.find(task_id=event.originator_id):
            self.agencies.remove(found["task_id"], found["agency"])
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

    # Parts: each change to a part moves its counters and leaves its dated state.

    def _parts_change(
        self,
        event: Task.Event,
        occurrence: str,
        part: str | None,
        *,
        note: Row | None = None,
        evidence: int = 0,
        **values: Any,
    ) -> None:
        rows = self._touched(event, occurrence, part)
        self._each_part(event, occurrence, rows, note or {}, evidence, values)

    def _each_part(
        self,
        event: Task.Event,
        occurrence: str,
        rows: Iterable[Row],
        note: Row,
        evidence: int,
        values: Row,
    ) -> None:
        for before in rows:
            after = {**before, **values, **note, "updated_at": event.timestamp}
            after["evidence_count"] += evidence
            if values.get("percent") is not None and after["status"] == Status.NOT_STARTED:
                after["status"] = Status.IN_PROGRESS.value  # a reported percentage starts work
            self._put_part(event, before, after)
        self._derive(event, occurrence, note, evidence)

    def _put_part(self, event: Task.Event, before: Row | None, after: Row) -> None:
        self.parts.put(after)
        if before is not None:
            self.counted.add(before, -1)
        self.counted.add(after, +1)
        self._record_state(event, after)

    def _add_part(self, event: Task.Event, occurrence: Row, body: str) -> None:
        self._put_part(
            event,
            None,
            {
                "task_id": occurrence["task_id"],
                "occurrence": occurrence["occurrence"],
                "agency": body,
                "plan_id": occurrence["plan_id"],
                "status": Status.NOT_STARTED.value,
                "percent": 0,
                "applies": True,
                "due_on": occurrence["due_on"],
                "deadline_on": occurrence["deadline_on"],
                "completed_on": None,
                "last_note": "",
                "evidence_count": 0,
                "updated_at": event.timestamp,
            },
        )

    def _follow_lead(self, event: Task.Event, occurrence: Row, lead: tuple[str, ...]) -> None:
        """As the aggregate does: bodies still leading keep their parts, new leads get one
        (carrying the unassigned part's state, if the work had no lead before)."""
        held = {row["agency"]: row for row in self._rows_of(event, occurrence["occurrence"])}
        unassigned = held.get(UNASSIGNED)
        for body, row in held.items():
            if body not in lead:
                self.parts.remove(row["task_id"], row["occurrence"], body)
                self.counted.add(row, -1)
                self._record_state(event, {**row, "applies": False})
        for body in lead:
            if body in held:
                continue
            if unassigned is not None:
                self._put_part(event, None, {**unassigned, "agency": body})
            else:
                self._add_part(event, occurrence, body)
        self._derive(event, occurrence["occurrence"], {}, 0)

    def _owe_input(self, occurrence: Row, body: str) -> None:
        self.inputs.put(
            {
                "task_id": occurrence["task_id"],
                "occurrence": occurrence["occurrence"],
                "agency": body,
                "plan_id": occurrence["plan_id"],
                "due_on": occurrence["due_on"],
                "sent_on": None,
                "note": "",
            }
        )

    def _follow_coordinating(self, occurrence: Row, coordinating: tuple[str, ...]) -> None:
        held = self.inputs.siblings(occurrence["task_id"], occurrence["occurrence"])
        for row in held:
            if row["agency"] not in coordinating:
                self.inputs.remove(row["task_id"], row["occurrence"], row["agency"])
        owing = {row["agency"] for row in held}
        for body in coordinating:
            if body not in owing:
                self._owe_input(occurrence, body)

    def _dates_change(self, event: Task.Event, occurrence: str, **values: Any) -> None:
        row = self._occurrence(event, occurrence)
        self.occurrences.put({**row, **values})
        if "due_on" in values:
            for owed in self.inputs.siblings(event.originator_id, occurrence):
                self.inputs.put({**owed, "due_on": values["due_on"]})
        dates = {k: v for k, v in values.items() if k in ("due_on", "deadline_on")}
        rows = self._rows_of(event, occurrence)
        if "deadline_on" not in dates and "due_on" in dates:
            # An extension of the whole occurrence: a body given a later day keeps it.
            rows = [r for r in rows if r["due_on"] is None or r["due_on"] <= dates["due_on"]]
        self._each_part(event, occurrence, rows, {}, 0, dates)

    def _derive(self, event: Task.Event, occurrence: str, note: Row, evidence: int) -> None:
        """The occurrence as its parts make it now."""
        row = self._occurrence(event, occurrence)
        counted = [p for p in self._rows_of(event, occurrence) if p["applies"]]
        status = occurrence_status({p["status"] for p in counted})
        working = [p for p in counted if p["status"] != Status.CANCELLED]
        done = [p["completed_on"] for p in working if p["completed_on"] is not None]
        still = [p for p in counted if p["status"] not in CLOSED]
        own_days = {p["agency"]: p["due_on"] for p in still if p["due_on"] != row["due_on"]}
        dues = [p["due_on"] for p in still if p["due_on"] is not None]
        self.occurrences.put(
            {
                **row,
                **note,
                "parts_due": {body: day.isoformat() for body, day in own_days.items() if day},
                "late_from": min(dues, default=row["due_on"]),
                "status": status.value,
                "percent": occurrence_percent(p["percent"] for p in working),
                "completed_on": max(done) if status is Status.COMPLETED and done else None,
                "evidence_count": row["evidence_count"] + evidence,
                "parts": len(counted),
                "parts_open": sorted(p["agency"] for p in still),
            }
        )
        self.tasks.patch(
            {
                "task_id": event.originator_id,
                "version": event.originator_version,
                "updated_at": event.timestamp,
            }
        )

    def _record_state(self, event: Task.Event, part: Row) -> None:
        """The part as this change left it, dated both ways, for questions of the past."""
        self.states.put(
            {
                "task_id": part["task_id"],
                "occurrence": part["occurrence"],
                "part": part["agency"],
                "version": event.originator_version,
                "plan_id": part["plan_id"],
                "applies": part["applies"],
                "effective_on": _effective_on(event),
                "recorded_on": local_date(event.timestamp),
                "status": part["status"],
                "percent": part["percent"],
                "due_on": part["due_on"],
                "deadline_on": part["deadline_on"],
                "completed_on": part["completed_on"],
                "leads": part["agency"],
            }
        )

    def _touched(self, event: Task.Event, occurrence: str, part: str | None) -> list[Row]:
        """The parts a change applies to, as the aggregate reads it (`Task._touched`)."""
        rows = self._rows_of(event, occurrence)
        if part is not None:
            return [row for row in rows if row["agency"] == part]
        actor: Actor = event.actor
        if actor.oversees:
            return rows
        own = [row for row in rows if actor.speaks_for((row["agency"],))]
        return own or rows

    def _rows_of(self, event: Task.Event, occurrence: str) -> list[Row]:
        return self.parts.siblings(event.originator_id, occurrence)

    def _part(self, event: Task.Event, occurrence: str, body: str) -> Row:
        found = self.parts.get(event.originator_id, occurrence, body)
        assert found is not None, f"task {event.originator_id} has no part of {body}"
        return found

    def _occurrence(self, event: Task.Event, occurrence: str) -> Row:
        found = self.occurrences.get(event.originator_id, occurrence)
        assert found is not None, f"task {event.originator_id} has no occurrence '{occurrence}'"
        return found

    def _assign(
        self, task_id: Any, plan_id: Any, lead: tuple[str, ...], coordinating: tuple[str, ...]
    ) -> None:
        for role, codes in (("lead", lead), ("coordinating", coordinating)):
            for code in codes:
                self.agencies.put(
                    {"task_id": task_id, "agency": code, "role": role, "plan_id": plan_id}
                )

    def _task(self, event: Task.Event) -> Row:
        task = self.tasks.get(event.originator_id)
        assert task is not None, f"task {event.originator_id} has no Added event"
        return task


def _effective_on(event: Task.Event) -> date:
    """The day a change took effect: as its author said, or the day it was recorded."""
    return getattr(event, "effective_on", None) or local_date(event.timestamp)
