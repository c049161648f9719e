"""The stable order of each list the API pages through: the sort key a cursor holds."""

from __future__ import annotations

from planner.queries.agencies import AgencyView
from planner.queries.api_tokens import ApiTokenView
from planner.queries.history import HistoryEntry
from planner.queries.inputs import InputCounts
from planner.queries.overdue import OverdueItem
from planner.queries.plans import PlanView
from planner.queries.progress import AgencyProgress
from planner.queries.users import UserView


def by_version(entry: HistoryEntry) -> tuple[int]:
    return (entry.version,)


def by_year_and_number(plan: PlanView) -> tuple[int, str, str]:
    return (plan.year, plan.number, str(plan.plan_id))


def by_code(agency: AgencyView) -> tuple[str]:
    return (agency.code,)


def by_agency_and_name(user: UserView) -> tuple[str, str]:
    return (user.agency, user.username)


def longest_late_first(item: OverdueItem) -> tuple[int, str, str, str, str]:
    return (-item.days_late, item.plan_number, item.reference, item.occurrence, str(item.task_id))


def least_done_first(row: AgencyProgress) -> tuple[str, float, str]:
    """Per plan, the agencies furthest behind first."""
    return (row.plan_number, -float(row.percent_complete), row.agency)


def by_agency_and_plan(row: InputCounts) -> tuple[str, str]:
    return (row.agency, str(row.plan_id))


def by_name(token: ApiTokenView) -> tuple[str, str]:
    return (token.name, str(token.token_id))
