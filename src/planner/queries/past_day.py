"""A past day's tasks, progress and overdue list, read from the parts' dated states.

Every change leaves a row with each part's state after it, the day it took effect and the day
it was recorded. As of day D, each part stands as its latest row dated by D: by effective day
("theo số liệu hiện nay") or by recording day ("đã ghi nhận đến ngày D"). An occurrence's
effective days never go backwards, so its latest row by version is also its latest by
effective day. Occurrences are derived from their parts as the aggregate derives them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, RowMapping, select

from planner.domain.task_part import occurrence_percent, occurrence_status
from planner.domain.task_status import Status, on_time
from planner.projections.part_counts import COUNTED_AS, PROGRESS_COUNTS
from planner.projections.schema import agencies, occurrence_states, plans, tasks
from planner.queries.basis import Basis
from planner.queries.overdue import OPEN, OverdueItem
from planner.queries.parsed_once import as_text, parsed_once
from planner.queries.progress import AgencyProgress, progress_of_counts
from planner.queries.tasks import OccurrenceView, TaskView, list_tasks

State = dict[str, Any]  # a part as it stood: `states_on`'s rows
_STATE_COLUMNS = (
    "occurrence",
    "part",
    "applies",
    "status",
    "percent",
    "due_on",
    "deadline_on",
    "completed_on",
    "leads",
)
Occurrence = tuple[UUID, str]


def states_on(
    connection: Connection, day: date, basis: Basis, plan_id: UUID | None = None
) -> list[State]:
    """Each part as it stood at the end of `day`; parts not yet (or no longer) there left out.

    A part's row stands when no later version of it is dated by `day`: the primary key finds
    that out row by row, where ranking every row of the plan would sort them all first."""
    part, later = occurrence_states.alias("part"), occurrence_states.alias("later")
    newer = select(later.c.version).where(
        later.c.task_id == part.c.task_id,
        later.c.occurrence == part.c.occurrence,
        later.c.part == part.c.part,
        later.c.version > part.c.version,
        _dated(later, basis) <= day,
    )
    query = select(
        *(part.c[name] for name in _STATE_COLUMNS),
        as_text(part.c.task_id).label("task_key"),
        as_text(part.c.plan_id).label("plan_key"),  # as the live progress query keys plans
    ).where(_dated(part, basis) <= day, part.c.applies.is_(True), ~newer.exists())
    if plan_id is not None:
        query = query.where(part.c.plan_id == plan_id)
    # Ids read as text and parsed once each: a plan has thousands of parts, few tasks.
    uuid_of = parsed_once(UUID)
    names = (*_STATE_COLUMNS, "task_key", "plan_key")
    found = []
    for row in connection.execute(query):
        state = dict(zip(names, row, strict=True))
        state["task_id"], state["plan_id"] = uuid_of(row[-2]), uuid_of(row[-1])
        found.append(state)
    return found


def _dated(states: Any, basis: Basis) -> Any:
    """The day a state row counts from, in this reading of the past."""
    return states.c.effective_on if basis is Basis.CURRENT else states.c.recorded_on


def progress_on(
    connection: Connection,
    day: date,
    basis: Basis,
    plan_id: UUID | None = None,
    states: list[State] | None = None,
) -> list[AgencyProgress]:
    """Progress per agency and plan as of the end of `day`, counted as the live counters are.

    `states`: that day's rows (`states_on`) when the caller has read them already.
    """
    width = len(PROGRESS_COUNTS) + 1
    by_leads: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * width)
    column = {name: i for i, name in enumerate(PROGRESS_COUNTS)}
    for row in _states(connection, day, basis, plan_id, states):
        counts = by_leads[row["plan_key"], row["leads"]]
        for name in COUNTED_AS[row["status"]]:
            counts[column[name]] += 1
        if row["status"] == Status.COMPLETED and on_time(row["completed_on"], row["deadline_on"]):
            counts[column["completed_on_time"]] += 1
        if _late(row["due_on"], row["status"], day):
            counts[-1] += 1
    return progress_of_counts(connection, by_leads)


def overdue_on(
    connection: Connection,
    day: date,
    basis: Basis,
    plan_id: UUID | None = None,
    agency: str | None = None,
    limit: int | None = None,
    states: list[State] | None = None,
) -> list[OverdueItem]:
    """What was overdue at the end of `day`, most overdue first, as the live list orders it.

    Across every plan, one plan at a time: the province's parts' states are read and let go
    plan by plan, so memory holds one plan's states and the late items, not the country's."""
    carriers = dict(connection.execute(select(agencies.c.code, agencies.c.carried_by)).all())
    if plan_id is None and states is None:
        each = connection.execute(select(plans.c.plan_id)).scalars().all()
        items = [
            item
            for plan in each
            for item in _late_items(
                connection, day, _states(connection, day, basis, plan, None), carriers
            )
        ]
    else:
        found = _states(connection, day, basis, plan_id, states)
        items = _late_items(connection, day, found, carriers)
    if agency is not None:
        items = [item for item in items if agency in item.responsible]
    items.sort(key=lambda i: (i.due_on, i.plan_number, i.reference, i.occurrence))
    return items[:limit] if limit is not None else items


def _late_items(
    connection: Connection, day: date, states: list[State], carriers: dict[str, str]
) -> list[OverdueItem]:
    late = {
        key: parts
        for key, parts in _by_occurrence(states).items()
        if _late_parts(parts, day)  # an open part keeps its occurrence open
    }
    described = _descriptions(connection, {task for task, _ in late})
    return [_item(parts, described[key[0]], day, carriers) for key, parts in late.items()]


def tasks_on(
    connection: Connection,
    day: date,
    basis: Basis,
    plan_id: UUID | None = None,
    agency: str | None = None,
    states: list[State] | None = None,
) -> list[TaskView]:
    """The plan's tasks with their occurrences as they stood at the end of `day`."""
    held_by: dict[UUID, dict[str, list[State]]] = defaultdict(dict)
    rows = _states(connection, day, basis, plan_id, states)
    for (task_id, key), parts in _by_occurrence(rows).items():
        held_by[task_id][key] = parts
    found = []
    for task in list_tasks(connection, plan_id, agency, with_parts=False):
        if task.task_id not in held_by:
            continue
        today = {o.occurrence: o for o in task.occurrences}
        held = held_by[task.task_id]
        occurrences = [_occurrence(key, held[key], today.get(key)) for key in sorted(held)]
        bodies = {p["part"] for parts in held.values() for p in parts}
        missing = [code for code in task.lead if code not in bodies]
        if missing:  # not applying then, or joined the task's lead group only later
            later = missing_then(connection, task.task_id, missing, day, basis)
            task = replace(task, lead=[code for code in task.lead if code not in later])
        found.append(replace(task, occurrences=occurrences))
    return found


def missing_then(
    connection: Connection, task_id: UUID, bodies: list[str], day: date, basis: Basis
) -> set[str]:
    """Of `bodies`, those with no part at all in the task by the end of `day`: they joined its
    lead group later."""
    s = occurrence_states.c
    dated = s.effective_on if basis is Basis.CURRENT else s.recorded_on
    query = select(s.part).where(s.task_id == task_id, s.part.in_(bodies), dated <= day).distinct()
    return set(bodies) - set(connection.execute(query).scalars())


def _states(
    connection: Connection,
    day: date,
    basis: Basis,
    plan_id: UUID | None,
    states: list[State] | None,
) -> list[State]:
    return states if states is not None else states_on(connection, day, basis, plan_id)


def _by_occurrence(rows: list[State]) -> dict[Occurrence, list[State]]:
    grouped: dict[Occurrence, list[State]] = defaultdict(list)
    for row in rows:
        grouped[row["task_id"], row["occurrence"]].append(row)
    return grouped


def _status(parts: list[State]) -> Status:
    return occurrence_status({p["status"] for p in parts})


def _late(due_on: date | None, status: str, day: date) -> bool:
    return due_on is not None and due_on < day and status in OPEN


def _late_parts(parts: list[State], day: date) -> list[State]:
    """The parts not done by their own day (a body may have been given a later one)."""
    return [p for p in parts if _late(p["due_on"], p["status"], day)]


def _descriptions(connection: Connection, task_ids: set[UUID]) -> dict[UUID, RowMapping]:
    query = (
        select(tasks.c.task_id, tasks.c.reference, tasks.c.text, tasks.c.lead, plans.c.number)
        .join(plans, plans.c.plan_id == tasks.c.plan_id)
        .where(tasks.c.task_id.in_(list(task_ids)))
    )
    return {row["task_id"]: row for row in connection.execute(query).mappings()}


def _item(parts: list[State], task: RowMapping, day: date, carriers: dict[str, str]) -> OverdueItem:
    first = parts[0]
    bodies = {p["part"] for p in parts}
    # In the task's own order when it still names the same bodies.
    lead = list(task["lead"]) if set(task["lead"]) == bodies else sorted(bodies)
    late = _late_parts(parts, day)
    open_parts = sorted(p["part"] for p in late)
    due_on = min(p["due_on"] for p in late)
    return OverdueItem(
        task_id=first["task_id"],
        plan_id=first["plan_id"],
        plan_number=task["number"],
        reference=task["reference"],
        text=task["text"],
        occurrence=first["occurrence"],
        due_on=due_on,
        days_late=(day - due_on).days,
        status=_status(parts).value,
        percent=_percent(parts),
        lead=lead,
        responsible=list(dict.fromkeys(carriers.get(code, code) for code in open_parts if code)),
        parts=len(parts),
        parts_open=open_parts,
    )


def _percent(parts: list[State]) -> int:
    return occurrence_percent(p["percent"] for p in parts if p["status"] != Status.CANCELLED)


def _occurrence(key: str, parts: list[State], today: OccurrenceView | None) -> OccurrenceView:
    status = _status(parts)
    done = [p["completed_on"] for p in parts if p["completed_on"] is not None]
    values: dict[str, Any] = {"due_on": parts[0]["due_on"], "deadline_on": parts[0]["deadline_on"]}
    return OccurrenceView(
        occurrence=key,
        status=status.value,
        percent=_percent(parts),
        completed_on=max(done) if status is Status.COMPLETED and done else None,
        requested_to=None,
        # Notes and evidence are shown as they stand today; the counts never depend on them.
        last_note=today.last_note if today else "",
        evidence_count=today.evidence_count if today else 0,
        **values,
    )
