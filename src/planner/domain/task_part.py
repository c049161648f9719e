"""Phần việc: each lead body's own part of a task occurrence, and the occurrence derived from them.

A task led by several bodies ("Các sở, ban, ngành") is done by each in its own house: each body
has a part with its own status and progress. The occurrence is completed when every part that
applies is; a task with one lead has one part and works as a single task does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from planner.domain.task_status import Status

# The part of a task no body leads yet (Sở Nội vụ tracks it until it is assigned).
UNASSIGNED = ""


@dataclass
class PartState:
    body: str
    status: Status = Status.NOT_STARTED
    percent: int = 0
    status_before_block: Status | None = None
    applies: bool = True  # False: Sở Nội vụ marked it "không áp dụng"
    extended_to: date | None = None  # this body's own later day, granted by Sở Nội vụ


def occurrence_status(statuses: Iterable[str]) -> Status:
    """The occurrence's status from its applicable parts' statuses (members or their values)."""
    working = set(statuses) - {Status.CANCELLED}
    if not working:
        return Status.CANCELLED
    if working == {Status.COMPLETED}:
        return Status.COMPLETED
    if Status.BLOCKED in working:
        return Status.BLOCKED
    if working & {Status.IN_PROGRESS, Status.COMPLETED}:
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def occurrence_percent(percents: Iterable[int]) -> int:
    """The mean progress of the applicable parts, rounded down."""
    found = list(percents)
    return sum(found) // len(found) if found else 0
