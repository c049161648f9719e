"""What the reminder service reads: open deadlines, who answers for them, what was sent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import Connection, RowMapping, func, select

from planner.domain.reminder import ReminderKey, ReminderRecord, ReminderState
from planner.domain.reminder_outbox import ESCALATION, DueItem, ItemKind, Recipient
from planner.domain.report_outbox import REPORT
from planner.projections.json_values import schedule_from_json
from planner.projections.schema import agencies, occurrences, plans, reminders, tasks
from planner.queries.overdue import OPEN

_Carriers = Callable[[list[str]], tuple[str, ...]]


def recipients(connection: Connection) -> dict[str, Recipient]:
    """Every agency with its e-mail addresses, by code."""
    rows = connection.execute(select(agencies.c.code, agencies.c.name, agencies.c.emails))
    return {code: Recipient(code, name, tuple(emails)) for code, name, emails in rows}


def open_deadlines(connection: Connection, through_year: int) -> list[DueItem]:
    """Dated task occurrences still open, and plan obligations' occurrences up to a year."""
    carriers = dict(connection.execute(select(agencies.c.code, agencies.c.carried_by)).all())

    def responsible(codes: list[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(carriers.get(code, code) for code in codes))

    return [
        *_task_deadlines(connection, responsible),
        *_obligation_deadlines(connection, responsible, through_year),
    ]


def _task_deadlines(connection: Connection, responsible: _Carriers) -> list[DueItem]:
    query = (
        select(
            occurrences.c.task_id,
            occurrences.c.occurrence,
            occurrences.c.due_on,
            occurrences.c.status,
            occurrences.c.percent,
            tasks.c.reference,
            tasks.c.text,
            occurrences.c.parts_open,
            occurrences.c.parts_due,
            plans.c.plan_id,
            plans.c.number,
            plans.c.title,
        )
        .join(tasks, tasks.c.task_id == occurrences.c.task_id)
        .join(plans, plans.c.plan_id == occurrences.c.plan_id)
        .where(occurrences.c.due_on.is_not(None), occurrences.c.status.in_(OPEN))
    )
    return [
        DueItem(
            item=f"task:{row['task_id']}",
            kind=ItemKind.TASK,
            occurrence=row["occurrence"],
            due_on=due_on,
            # Only the bodies whose own part is not done yet are reminded, each of its own day.
            responsible=responsible(bodies),
            plan_id=row["plan_id"],
            plan_number=row["number"],
            plan_title=row["title"],
            reference=row["reference"],
            text=row["text"],
            status=row["status"],
            percent=row["percent"],
            task_id=row["task_id"],
        )
        for row in connection.execute(query).mappings()
        for due_on, bodies in _by_day(row).items()
    ]


def _by_day(row: RowMapping) -> dict[date, list[str]]:
    """The open bodies by the day their part is due: the occurrence's, or one given them."""
    own_days: dict[str, str] = row["parts_due"]
    days: dict[date, list[str]] = {}
    for body in row["parts_open"]:
        if body:
            day = date.fromisoformat(own_days[body]) if body in own_days else row["due_on"]
            days.setdefault(day, []).append(body)
    return days or {row["due_on"]: []}


def _obligation_deadlines(
    connection: Connection, responsible: _Carriers, through_year: int
) -> list[DueItem]:
    found = []
    for plan in connection.execute(select(plans)).mappings():
        for obligation in plan["obligations"]:
            schedule = schedule_from_json(obligation["schedule"])
            for occurrence in schedule.occurrences(through_year):
                if occurrence.due_on is None:
                    continue
                found.append(
                    DueItem(
                        item=f"obligation:{plan['plan_id']}:{obligation['key']}",
                        kind=ItemKind.OBLIGATION,
                        occurrence=occurrence.key,
                        due_on=occurrence.due_on,
                        responsible=responsible(list(obligation["responsible"])),
                        plan_id=plan["plan_id"],
                        plan_number=plan["number"],
                        plan_title=plan["title"],
                        reference="",
                        text=obligation["text"],
                    )
                )
    return found


def reminder_records(connection: Connection) -> list[ReminderRecord]:
    """Every reminder recorded, as the outbox needs to know it."""
    rows = connection.execute(
        select(
            reminders.c.recipient,
            reminders.c.item,
            reminders.c.occurrence,
            reminders.c.due_on,
            reminders.c.offset_days,
            reminders.c.state,
            reminders.c.claimed_at,
            reminders.c.retry_at,
        )
    )
    return [
        ReminderRecord(
            ReminderKey(recipient, item, occurrence, due_on, offset),
            ReminderState(state),
            claimed_at,
            retry_at,
        )
        for recipient, item, occurrence, due_on, offset, state, claimed_at, retry_at in rows
    ]


def next_retry(connection: Connection) -> datetime | None:
    """When the earliest failed reminder may be sent again, if any failed."""
    query = select(func.min(reminders.c.retry_at)).where(
        reminders.c.state == ReminderState.FAILED.value
    )
    found: datetime | None = connection.execute(query).scalar()
    return found


@dataclass(frozen=True)
class ReminderEntry:
    reminder_id: UUID
    recipient: str
    item: str
    label: str  # the task's reference or text, the obligation's key, or the escalation
    occurrence: str
    due_on: date
    offset: int
    send_on: date
    state: str
    attempts: int
    message_id: str
    reason: str
    retry_at: datetime | None
    updated_at: datetime


def reminder_log(
    connection: Connection, since: date | None, limit: int | None = None
) -> list[ReminderEntry]:
    """Reminders meant for `since` or later (any day when None), newest first, at most
    `limit` of them, with why any did not go out."""
    labels = {
        f"task:{task_id}": reference or text[:60]
        for task_id, reference, text in connection.execute(
            select(tasks.c.task_id, tasks.c.reference, tasks.c.text)
        )
    }
    labels |= {
        f"{REPORT}:{plan_id}": f"Báo cáo Kế hoạch số {number}"
        for plan_id, number in connection.execute(select(plans.c.plan_id, plans.c.number))
    }
    query = select(reminders).order_by(
        reminders.c.send_on.desc(), reminders.c.recipient, reminders.c.item
    )
    if since is not None:
        query = query.where(reminders.c.send_on >= since)
    if limit is not None:
        query = query.limit(limit)
    return [
        ReminderEntry(
            reminder_id=row["reminder_id"],
            recipient=row["recipient"],
            item=row["item"],
            label=_label(row["item"], labels),
            occurrence=row["occurrence"],
            due_on=row["due_on"],
            offset=row["offset_days"],
            send_on=row["send_on"],
            state=row["state"],
            attempts=row["attempts"],
            message_id=row["message_id"],
            reason=row["reason"],
            retry_at=row["retry_at"],
            updated_at=row["updated_at"],
        )
        for row in connection.execute(query).mappings()
    ]


def _label(item: str, tasks: dict[str, str]) -> str:
    if item == ESCALATION:
        return "Báo cáo nhiệm vụ quá hạn"
    if item.startswith("input:"):  # input:<task>:<coordinating body>
        task = "task:" + item.split(":")[1]
        return f"Ý kiến phối hợp {tasks.get(task, task)}"
    return tasks.get(item) or item.rpartition(":")[2]
