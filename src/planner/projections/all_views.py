"""The views planner keeps, in the order they are updated."""

from planner.projections.agency_catalog import AgencyCatalog
from planner.projections.api_token_catalog import ApiTokenCatalog
from planner.projections.criteria_catalog import CriteriaCatalog
from planner.projections.history import History
from planner.projections.plan_catalog import PlanCatalog
from planner.projections.projection import Projection
from planner.projections.reminder_log import ReminderLog
from planner.projections.score_board import ScoreBoard
from planner.projections.task_list import TaskList
from planner.projections.user_catalog import UserCatalog


def all_views() -> list[Projection]:
    return [
        PlanCatalog(),
        AgencyCatalog(),
        TaskList(),
        ScoreBoard(),
        CriteriaCatalog(),
        History(),
        ReminderLog(),
        UserCatalog(),
        ApiTokenCatalog(),
    ]
