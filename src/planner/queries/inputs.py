"""Ý kiến, số liệu phối hợp: what each coordinating body owes the lead, and by when.

A coordinating body's own deadline is the plan's number of working days (5 unless set) before
the lead's due date, counted on the working calendar; its on-time record is kept against it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from sqlalchemy import Connection, select

from planner.domain.reminder_outbox import DueItem, ItemKind
from planner.domain.working_days import WorkingCalendar
from planner.projections.schema import agencies, occurrences, plans, task_inputs, tasks
from planner.queries.overdue import OPEN


class InputState(StrEnum):
    SENT_ON_TIME = "sent_on_time"
    SENT_LATE = "sent_late"
    MISSING = "missing"  # its deadline has passed and nothing was sent
    WAITING = "waiting"


@dataclass(frozen=True)
class InputView:
    task_id: UUID
    plan_id: UUID
    reference: str
    occurrence: str
    agency: str
    lead_due_on: date | None
    due_on: date | None  # the coordinating body's own deadline
    sent_on: date | None
    note: str
    state: InputState


@dataclass(frozen=True)
class InputCounts:
    agency: str
    plan_id: UUID
    owed: int
    sent_on_time: int
    sent_late: int
    missing: int


def inputs(
    connection: Connection,
    on: date,
    calendar: WorkingCalendar,
    task_id: UUID | None = None,
    plan_id: UUID | None = None,
) -> list[InputView]:
    """Every input owed (of one task, or of one plan), as it stands at the end of `on`."""
    query = (
        select(task_inputs, tasks.c.reference, plans.c.input_days)
        .join(tasks, tasks.c.task_id == task_inputs.c.task_id)
        .join(plans, plans.c.plan_id == task_inputs.c.plan_id)
        .order_by(tasks.c.reference, task_inputs.c.occurrence, task_inputs.c.agency)
    )
    if task_id is not None:
        query = query.where(task_inputs.c.task_id == task_id)
    if plan_id is not None:
        query = query.where(task_inputs.c.plan_id == plan_id)
    found = []
    for row in connection.execute(query).mappings():
        lead_due = row["due_on"]
        due = calendar.working_days_before(lead_due, row["input_days"]) if lead_due else None
        sent = row["sent_on"] if row["sent_on"] and row["sent_on"] <= on else None
        found.append(
            InputView(
                task_id=row["task_id"],
                plan_id=row["plan_id"],
                reference=row["reference"],
                occurrence=row["occurrence"],
                agency=row["agency"],
                lead_due_on=lead_due,
                due_on=due,
                sent_on=sent,
                note=row["note"] if sent else "",
                state=_state(due, sent, on),
            )
        )
    return found


def input_counts(
    connection: Connection, on: date, calendar: WorkingCalendar, plan_id: UUID | None = None
) -> list[InputCounts]:
    """Per coordinating body and plan: inputs owed by `on`, sent on time, sent late, missing."""
    counted: Counter[tuple[str, UUID, InputState]] = Counter()
    for view in inputs(connection, on, calendar, plan_id=plan_id):
        counted[view.agency, view.plan_id, view.state] += 1
    keys = sorted({(agency, plan) for agency, plan, _ in counted}, key=lambda k: (k[0], str(k[1])))
    return [
        InputCounts(
            agency=agency,
            plan_id=plan,
            owed=sum(counted[agency, plan, s] for s in InputState if s is not InputState.WAITING),
            sent_on_time=counted[agency, plan, InputState.SENT_ON_TIME],
            sent_late=counted[agency, plan, InputState.SENT_LATE],
            missing=counted[agency, plan, InputState.MISSING],
        )
        for agency, plan in keys
    ]


def input_deadlines(connection: Connection, on: date, calendar: WorkingCalendar) -> list[DueItem]:
    """Inputs not sent yet of open occurrences, due on their coordinating body's own day."""
    carriers = dict(connection.execute(select(agencies.c.code, agencies.c.carried_by)).all())
    open_work = {
        (row.task_id, row.occurrence)
        for row in connection.execute(
            select(occurrences.c.task_id, occurrences.c.occurrence).where(
                occurrences.c.status.in_(OPEN), occurrences.c.due_on.is_not(None)
            )
        )
    }
    described = {
        row.task_id: row
        for row in connection.execute(
            select(tasks.c.task_id, tasks.c.text, plans.c.number, plans.c.title).join(
                plans, plans.c.plan_id == tasks.c.plan_id
            )
        )
    }
    return [
        DueItem(
            item=f"input:{owed.task_id}:{owed.agency}",
            kind=ItemKind.INPUT,
            occurrence=owed.occurrence,
            due_on=owed.due_on,
            responsible=(carriers.get(owed.agency, owed.agency),),
            plan_id=owed.plan_id,
            plan_number=described[owed.task_id].number,
            plan_title=described[owed.task_id].title,
            reference=f"Ý kiến phối hợp {owed.reference}".strip(),
            text=described[owed.task_id].text,
            task_id=owed.task_id,
        )
        for owed in inputs(connection, on, calendar)
        if owed.sent_on is None
        and owed.due_on is not None
        and (owed.task_id, owed.occurrence) in open_work
    ]


def _state(due: date | None, sent: date | None, on: date) -> InputState:
    if sent is not None:
        return InputState.SENT_LATE if due is not None and sent > due else InputState.SENT_ON_TIME
    if due is not None and due < on:
        return InputState.MISSING
    return InputState.WAITING
