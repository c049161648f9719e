"""What the task pages show: a task with names, history and evidence, and the user's rows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from uuid import UUID

from api.dependencies import SignedIn, Web
from api.visible_objects import visible_task
from planner.application.clock import SystemClock, today
from planner.domain.actor import Actor
from planner.domain.task_status import ALLOWED_FROM, Status
from planner.queries.history import HistoryEntry
from planner.queries.tasks import OccurrenceView, TaskView

LEAD_ACTIONS = (
    "start",
    "progress",
    "complete",
    "block",
    "unblock",
    "reopen",
    "request_extension",
)
MONITOR_ACTIONS = ("cancel",)


@dataclass(frozen=True)
class Row:
    """One occurrence on "Nhiệm vụ của tôi"."""

    task: TaskView
    occurrence: OccurrenceView
    role: str  # "Chủ trì" or "Phối hợp"
    days_late: int
    actions: tuple[str, ...]

    @property
    def closed(self) -> bool:
        return Status(self.occurrence.status).is_closed


def actions_for(actor: Actor, task: TaskView, occurrence: OccurrenceView) -> tuple[str, ...]:
    """The changes this user may make to this occurrence now (the domain re-checks each);
    a lead body acts on its own part of shared work."""
    status = Status(occurrence.status)
    own = [p for p in occurrence.parts if not actor.oversees and actor.speaks_for((p.agency,))]
    if own and own[0].applies:
        status = Status(own[0].status)
    if actor.oversees or actor.speaks_for(task.lead):
        offered = LEAD_ACTIONS + (MONITOR_ACTIONS if actor.oversees else ())
    elif actor.speaks_for(task.coordinating):
        offered = ("progress", "send_input")
    else:
        offered = ()
    allowed = tuple(
        a
        for a in offered
        if (
            a not in PART_ACTIONS
            or status in ALLOWED_FROM[a]
            or _some_part_allows(a, occurrence, actor)
        )
        and (a in PART_ACTIONS or status in ALLOWED_FROM[a])
        and _fits(a, occurrence)
    )
    if actor.oversees and occurrence.requested_to is not None:
        return (*allowed, "decide_extension")
    return allowed


PART_ACTIONS = frozenset({"start", "progress", "complete", "block", "unblock", "reopen"})


def _some_part_allows(action: str, occurrence: OccurrenceView, actor: Actor) -> bool:
    """Sở Nội vụ may act on any body's part of shared work."""
    return (
        action in PART_ACTIONS
        and actor.oversees
        and any(p.applies and Status(p.status) in ALLOWED_FROM[action] for p in occurrence.parts)
    )


def _fits(action: str, occurrence: OccurrenceView) -> bool:
    """An extension is asked for work that has a deadline and no request pending."""
    if action == "request_extension":
        return occurrence.due_on is not None and occurrence.requested_to is None
    return True


def own_part_of(occurrence: OccurrenceView, actor: Actor) -> OccurrenceView:
    """The occurrence as a lead body of shared work sees it: its own part's status."""
    own = [p for p in occurrence.parts if actor.speaks_for((p.agency,))]
    if len(occurrence.parts) < 2 or not own:
        return occurrence
    part = own[0]
    status = part.status if part.applies else Status.CANCELLED.value
    return replace(
        occurrence,
        status=status,
        percent=part.percent,
        completed_on=part.completed_on,
        due_on=part.due_on or occurrence.due_on,  # a day given this body is its own
    )


def days_late(occurrence: OccurrenceView, on: date) -> int:
    if occurrence.due_on is None or Status(occurrence.status).is_closed:
        return 0
    return max(0, (on - occurrence.due_on).days)


def my_rows(web: Web, signed: SignedIn, on: date) -> list[Row]:
    actor = signed.actor
    codes = sorted({actor.agency, *actor.represents})
    tasks = {t.task_id: t for code in codes for t in web.planner.views.tasks(None, code)}
    rows = [
        Row(
            task,
            seen,
            "Chủ trì" if actor.speaks_for(task.lead) else "Phối hợp",
            days_late(seen, on),
            actions_for(actor, task, occurrence),
        )
        for task in tasks.values()
        for occurrence in task.occurrences
        for seen in (own_part_of(occurrence, actor),)
    ]
    return sorted(rows, key=lambda r: (r.occurrence.due_on or date.max, r.task.reference))


HISTORY_PAGE = 50  # changes shown at a time on the task page


def task_sheet(
    web: Web, signed: SignedIn, task_id: UUID, before: int | None = None
) -> dict[str, Any]:
    """The task, its documents, and its newest changes (older ones a page at a time, from
    `before`): a task reported on every week for years would otherwise fill megabytes."""
    task = visible_task(web, signed, task_id)
    names = {a.code: a.name for a in web.planner.views.agencies()}
    on = today(SystemClock())
    return {
        "task": task,
        "names": names,
        "history": web.planner.views.history_page(task_id, before, HISTORY_PAGE),
        "evidence": _evidence(web.planner.views.with_evidence(task_id)),
        "occurrences": [
            (o, actions_for(signed.actor, task, o), days_late(o, on)) for o in task.occurrences
        ],
        "oversees": signed.actor.oversees,
        "agencies": web.planner.views.agencies(),
        "today": on,
        "shared": len(task.lead) > 1,
        "inputs": web.planner.views.inputs(on, web.planner.calendar.calendar(), task_id),
    }


def _evidence(history: list[HistoryEntry]) -> list[dict[str, Any]]:
    """Every document attached to the task, newest first, with who attached it and when."""
    found = []
    for entry in reversed(history):
        for item in entry.details.get("evidence") or []:
            found.append(
                {
                    **item,
                    "occurrence": entry.details.get("occurrence", ""),
                    "by": entry.actor_user,
                    "agency": entry.actor_agency,
                    "at": entry.at,
                }
            )
    return found
