"""What a report reads from the views about one plan at the end of one day."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from uuid import UUID

from sqlalchemy import Connection

from planner.domain.agency import AgencyState
from planner.domain.agency_registry import GROUPS
from planner.domain.identity import agency_id, target_id
from planner.domain.vietnam_time import end_of_day
from planner.queries.agencies import AgencyView, list_agencies
from planner.queries.basis import Basis
from planner.queries.overdue import OverdueItem, overdue
from planner.queries.past_day import overdue_on, progress_on, states_on, tasks_on
from planner.queries.plans import PlanView, list_plans
from planner.queries.progress import AgencyProgress, progress
from planner.queries.recorded_since import agencies_registered_since
from planner.queries.score_board import ScoreLine, stated_lines, stated_lines_before
from planner.queries.tasks import TaskView, list_tasks
from planner.queries.views import Views

GROUP_NAMES = {group.code: group.name for group in GROUPS}


@dataclass(frozen=True)
class Snapshot:
    on: date
    plan: PlanView
    progress: list[AgencyProgress]
    tasks: list[TaskView]
    overdue: list[OverdueItem]
    scores: list[ScoreLine]  # as the plan states them, before totals are filled in
    agencies: list[AgencyView]

    def names(self, codes: Iterable[str]) -> tuple[str, ...]:
        """Who carries these agencies' work on that day; a whole group by its collective name."""
        carriers = list(dict.fromkeys(self.carrier(code) for code in codes))
        complete = self._complete_groups(carriers)
        shown = [
            next((GROUP_NAMES[g] for g in complete if code in self._members[g]), self._name(code))
            for code in carriers
        ]
        return tuple(dict.fromkeys(shown))

    def carrier(self, code: str) -> str:
        """The body carrying `code`'s work on that day (itself, or its successor)."""
        found = self._by_code.get(code)
        return found.carried_by if found else code

    def _name(self, code: str) -> str:
        found = self._by_code.get(code)
        return found.name if found else code

    def _complete_groups(self, codes: list[str]) -> list[str]:
        present = set(codes)
        return [
            g for g, members in self._members.items() if len(members) > 1 and members <= present
        ]

    @cached_property
    def _by_code(self) -> dict[str, AgencyView]:
        return {a.code: a for a in self.agencies}

    @cached_property
    def _members(self) -> dict[str, set[str]]:
        active = [a for a in self.agencies if a.state == AgencyState.ACTIVE]
        return {g.code: {a.code for a in active if g.code in a.groups} for g in GROUPS}


def aggregates_of(views: Views, plan_id: UUID) -> frozenset[UUID]:
    """The plan, its tasks and targets, and every agency: all a report of the plan reads.

    Nothing is ever deleted, so today's views name every aggregate the plan ever had.
    """
    with views.engine.connect() as connection:
        task_ids = [task.task_id for task in list_tasks(connection, plan_id)]
        targets = [
            target_id(plan_id, line.index, line.code, line.year)
            for line in stated_lines(connection, plan_id)
        ]
        agencies = [agency_id(agency.code) for agency in list_agencies(connection)]
    return frozenset([plan_id, *task_ids, *targets, *agencies])


def read_snapshot(
    views: Views, plan_id: UUID, on: date, basis: Basis | None = None
) -> Snapshot | None:
    """Everything about the plan in one read transaction; None if it was not registered yet.

    Without `basis` the views are read as they stand; with it, the tasks' dated states are
    read as of the end of `on` in that basis.
    """
    with views.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        return _read(connection, plan_id, on, basis)


def _read(connection: Connection, plan_id: UUID, on: date, basis: Basis | None) -> Snapshot | None:
    plan = next((p for p in list_plans(connection) if p.plan_id == plan_id), None)
    if plan is None:
        return None
    if basis is None:
        tasks, late, counted = (
            list_tasks(connection, plan_id),
            overdue(connection, on, plan_id),
            progress(connection, on, plan_id),
        )
    else:
        states = states_on(connection, on, basis, plan_id)
        tasks, late, counted = (
            tasks_on(connection, on, basis, plan_id, states=states),
            overdue_on(connection, on, basis, plan_id, states=states),
            progress_on(connection, on, basis, plan_id, states),
        )
    return Snapshot(
        on=on,
        plan=plan,
        progress=counted,
        tasks=tasks,
        overdue=late,
        scores=(
            stated_lines(connection, plan_id)
            if basis is None
            else stated_lines_before(connection, plan_id, end_of_day(on))
        ),
        agencies=_agencies(connection, on, basis),
    )


def _agencies(connection: Connection, on: date, basis: Basis | None) -> list[AgencyView]:
    """The registry; as recorded by a day, without the agencies registered since."""
    found = list_agencies(connection)
    if basis is not Basis.RECORDED:
        return found
    later = agencies_registered_since(connection, end_of_day(on))
    return [agency for agency in found if agency.code not in later]
