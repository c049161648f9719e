"""Who may see a task: Sở Nội vụ and administrators see every task; an agency sees the tasks
it leads or coordinates, including those of the bodies whose work it carries on."""

from __future__ import annotations

from collections.abc import Iterable

from planner.domain.actor import Actor, Role
from planner.domain.errors import NotPermitted


def sees_every_task(actor: Actor) -> bool:
    return actor.oversees or actor.role is Role.ADMIN


def may_see_task(actor: Actor, lead: Iterable[str], coordinating: Iterable[str]) -> bool:
    return sees_every_task(actor) or actor.speaks_for([*lead, *coordinating])


def require_sight_of_task(
    actor: Actor, label: str, lead: Iterable[str], coordinating: Iterable[str]
) -> None:
    if not may_see_task(actor, lead, coordinating):
        raise NotPermitted(
            f"{actor.agency} không chủ trì hay phối hợp nhiệm vụ {label}; không được xem"
        )
