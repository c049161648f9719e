"""One door to every question asked of the views."""

from __future__ import annotations

from collections.abc import Callable, Collection
from contextlib import AbstractContextManager
from datetime import date
from uuid import UUID

from sqlalchemy import Engine

from planner.domain.agency_directory import AgencyDirectory
from planner.domain.errors import NotFound
from planner.domain.working_days import WorkingCalendar
from planner.queries.agencies import AgencyView, list_agencies
from planner.queries.agencies import directory as agency_directory
from planner.queries.api_tokens import ApiTokenView, api_token_by_hash, list_api_tokens
from planner.queries.at_risk import CriterionAtRisk, points_at_risk
from planner.queries.basis import Basis
from planner.queries.criteria_sets import CriteriaSetView, list_criteria_sets
from planner.queries.history import (
    HistoryEntry,
    HistoryPage,
    history_of,
    history_page,
    with_evidence,
)
from planner.queries.inputs import InputCounts, InputView, input_counts
from planner.queries.inputs import inputs as owed_inputs
from planner.queries.kept_answers import KeptAnswers, one_reading
from planner.queries.overdue import OverdueItem, count_overdue
from planner.queries.overdue import overdue as overdue_items
from planner.queries.past_day import overdue_on, progress_on, tasks_on
from planner.queries.plans import PlanView, list_plans, plans_numbered
from planner.queries.progress import AgencyProgress
from planner.queries.progress import progress as agency_progress
from planner.queries.score_board import ScoreLine
from planner.queries.score_board import score_board as score_lines
from planner.queries.tasks import (
    TaskKey,
    TaskSight,
    TaskView,
    list_tasks,
    resolve_task_id,
    task_detail,
    task_page,
    task_sight,
    tasks_given_to_group,
)
from planner.queries.upcoming import UpcomingItem, upcoming
from planner.queries.users import Credentials, UserView, credentials, list_users


class Views:
    """With `today`, a question about a past day reads the dated states (`past_day.py`) in the
    basis asked; today and later days read the live views, which both bases agree on."""

    def __init__(self, engine: Engine, today: Callable[[], date] | None = None) -> None:
        self.engine = engine
        self.today = today
        self._kept = KeptAnswers()

    def _past(self, on: date) -> bool:
        return self.today is not None and on < self.today()

    def agencies(self) -> list[AgencyView]:
        with self.engine.connect() as connection:
            return list_agencies(connection)

    def one_reading(self) -> AbstractContextManager[None]:
        """Kept answers asked for within check one reading of what changed (see KeptAnswers)."""
        return one_reading()

    def directory(self) -> AgencyDirectory:
        with self.engine.connect() as connection:
            found = self._kept.get(
                connection, "agencies", None, lambda: agency_directory(connection)
            )
        assert found is not None  # an empty registry is still a directory
        return found

    def plans(self) -> list[PlanView]:
        with self.engine.connect() as connection:
            return list_plans(connection)

    def plan(self, number: str) -> PlanView:
        """The plan with this number; refuses an unknown or ambiguous number."""
        with self.engine.connect() as connection:
            found = plans_numbered(connection, number)
        if not found:
            raise NotFound(f"không có kế hoạch số '{number}'")
        if len(found) > 1:
            provinces = ", ".join(p.province for p in found)
            raise NotFound(f"kế hoạch số '{number}' có ở nhiều tỉnh ({provinces})")
        return found[0]

    def task_id(self, text: str) -> UUID:
        with self.engine.connect() as connection:
            return resolve_task_id(connection, text)

    def task(self, task_id: UUID) -> TaskView:
        with self.engine.connect() as connection:
            return task_detail(connection, task_id)

    def task_sight(self, task_id: UUID) -> TaskSight:
        with self.engine.connect() as connection:
            return task_sight(connection, task_id)

    def tasks(self, plan_id: UUID | None = None, agency: str | None = None) -> list[TaskView]:
        with self.engine.connect() as connection:
            return list_tasks(connection, plan_id, agency)

    def task_page(
        self,
        plan_id: UUID | None,
        agencies: Collection[str] | None,
        after: TaskKey | None,
        limit: int,
    ) -> list[TaskView]:
        with self.engine.connect() as connection:
            return task_page(connection, plan_id, agencies, after, limit)

    def tasks_given_to(self, group: str) -> list[UUID]:
        with self.engine.connect() as connection:
            return tasks_given_to_group(connection, group)

    def overdue(
        self,
        on: date,
        plan_id: UUID | None = None,
        agency: str | None = None,
        limit: int | None = None,
        basis: Basis = Basis.CURRENT,
    ) -> list[OverdueItem]:
        with self.engine.connect() as connection:
            if self._past(on):
                return overdue_on(connection, on, basis, plan_id, agency, limit)
            return overdue_items(connection, on, plan_id, agency, limit)

    def overdue_counted(
        self,
        on: date,
        plan_id: UUID | None = None,
        agency: str | None = None,
        limit: int | None = None,
        basis: Basis = Basis.CURRENT,
    ) -> tuple[list[OverdueItem], int]:
        """The `limit` most overdue and how many are overdue in all: a past day's list is
        worked out once for both, today's counted apart."""
        with self.engine.connect() as connection:
            if self._past(on):
                every = overdue_on(connection, on, basis, plan_id, agency)
                return every[:limit] if limit is not None else every, len(every)
            items = overdue_items(connection, on, plan_id, agency, limit)
            if limit is None:
                return items, len(items)
            return items, count_overdue(connection, on, plan_id, agency)

    def count_overdue(
        self,
        on: date,
        plan_id: UUID | None = None,
        agency: str | None = None,
        basis: Basis = Basis.CURRENT,
    ) -> int:
        with self.engine.connect() as connection:
            if self._past(on):
                return len(overdue_on(connection, on, basis, plan_id, agency))
            return count_overdue(connection, on, plan_id, agency)

    def progress(
        self, on: date, plan_id: UUID | None = None, basis: Basis = Basis.CURRENT
    ) -> list[AgencyProgress]:
        with self.engine.connect() as connection:
            if self._past(on):
                return progress_on(connection, on, basis, plan_id)
            return agency_progress(connection, on, plan_id)

    def tasks_on(
        self, on: date, plan_id: UUID | None = None, basis: Basis = Basis.CURRENT
    ) -> list[TaskView]:
        """The tasks with their occurrences as they stood at the end of `on`."""
        with self.engine.connect() as connection:
            if self._past(on):
                return tasks_on(connection, on, basis, plan_id)
            return list_tasks(connection, plan_id)

    def inputs(
        self,
        on: date,
        calendar: WorkingCalendar,
        task_id: UUID | None = None,
        plan_id: UUID | None = None,
    ) -> list[InputView]:
        with self.engine.connect() as connection:
            return owed_inputs(connection, on, calendar, task_id, plan_id)

    def input_counts(
        self, on: date, calendar: WorkingCalendar, plan_id: UUID | None = None
    ) -> list[InputCounts]:
        with self.engine.connect() as connection:
            return input_counts(connection, on, calendar, plan_id)

    def score_board(self, plan_id: UUID | None = None) -> list[ScoreLine]:
        with self.engine.connect() as connection:
            return score_lines(connection, plan_id)

    def criteria_sets(
        self,
        province: str | None = None,
        year: int | None = None,
        unit_kind: str | None = None,
        with_criteria: bool = False,
    ) -> list[CriteriaSetView]:
        with self.engine.connect() as connection:
            return list_criteria_sets(connection, province, year, unit_kind, with_criteria)

    def history(self, aggregate_id: UUID) -> list[HistoryEntry]:
        with self.engine.connect() as connection:
            return history_of(connection, aggregate_id)

    def history_page(self, aggregate_id: UUID, before: int | None, size: int) -> HistoryPage:
        with self.engine.connect() as connection:
            return history_page(connection, aggregate_id, before, size)

    def with_evidence(self, aggregate_id: UUID) -> list[HistoryEntry]:
        with self.engine.connect() as connection:
            return with_evidence(connection, aggregate_id)

    def users(self) -> list[UserView]:
        with self.engine.connect() as connection:
            return list_users(connection)

    def user(self, username: str) -> UserView:
        found = self.credentials(username)
        if found is None:
            raise NotFound(f"không có tài khoản '{username}'")
        return found.user

    def api_tokens(self) -> list[ApiTokenView]:
        with self.engine.connect() as connection:
            return list_api_tokens(connection)

    def api_token(self, secret_hash: str) -> ApiTokenView | None:
        """The token whose secret hashes so, for signing in only."""
        with self.engine.connect() as connection:
            return self._kept.get(
                connection,
                "api_tokens",
                secret_hash,
                lambda: api_token_by_hash(connection, secret_hash),
            )

    def credentials(self, username: str) -> Credentials | None:
        """The account and its password hash, for signing in only."""
        with self.engine.connect() as connection:
            return self._kept.get(
                connection, "users", username, lambda: credentials(connection, username)
            )

    def upcoming(
        self, on: date, days: int, plan_id: UUID | None = None, agency: str | None = None
    ) -> list[UpcomingItem]:
        with self.engine.connect() as connection:
            return upcoming(connection, on, days, plan_id, agency)

    def points_at_risk(self, on: date, plan_id: UUID | None = None) -> list[CriterionAtRisk]:
        with self.engine.connect() as connection:
            return points_at_risk(connection, on, plan_id)
