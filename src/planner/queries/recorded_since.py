"""What was recorded about a plan after a moment, as far as a report "đã ghi nhận" cares.

Such a report can be read from the parts' dated states, which are exact for every change of
a part's state. Anything else recorded since (a plan's obligations, a task's leads, a target
set or revised, an agency renamed or merged) changed what the views describe, so only a
replay of the events recorded until then gives the report that was made on that day.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import Connection, func, select, union_all

from planner.projections.schema import agencies, history, score_targets, tasks

# Events whose whole effect on a report lies in the parts' dated states, or, for results,
# in the history the score board reads results before a moment from.
STATE_ONLY = frozenset(
    {
        ("task", "Added"),
        ("task", "Started"),
        ("task", "ProgressReported"),
        ("task", "Completed"),
        ("task", "Blocked"),
        ("task", "Unblocked"),
        ("task", "Cancelled"),
        ("task", "Reopened"),
        ("task", "DeadlineChanged"),
        ("task", "ExtensionRequested"),
        ("task", "ExtensionDecided"),
        ("task", "InputSent"),
        ("task", "MarkedNotApplicable"),
        ("task", "MarkedApplicable"),
        ("task", "PartsExtended"),
        ("task", "LeadJoined"),  # its parts' states start that day; the lead is read from them
        ("score_target", "ResultRecorded"),
        ("agency", "Registered"),  # the report leaves out agencies registered since
    }
)


def registered_at(connection: Connection, plan_id: UUID) -> datetime | None:
    """When the plan was first recorded; None if it never was."""
    query = select(func.min(history.c.at)).where(history.c.aggregate_id == plan_id)
    found: datetime | None = connection.execute(query).scalar()
    return found


def agencies_registered_since(connection: Connection, moment: datetime) -> set[str]:
    """The codes of agencies first recorded at or after `moment`."""
    query = (
        select(agencies.c.code)
        .join(history, history.c.aggregate_id == agencies.c.agency_id)
        .where(history.c.version == 1, history.c.at >= moment)
    )
    return set(connection.execute(query).scalars())


def described_differently_since(connection: Connection, plan_id: UUID, moment: datetime) -> bool:
    """Whether anything besides parts' states and results was recorded for the plan since then."""
    read = union_all(
        select(tasks.c.task_id).where(tasks.c.plan_id == plan_id),
        select(score_targets.c.target_id).where(score_targets.c.plan_id == plan_id),
        select(agencies.c.agency_id),
    ).subquery()
    query = (
        select(history.c.aggregate_type, history.c.event)
        .where(
            history.c.aggregate_id.in_(select(read.c[0])) | (history.c.aggregate_id == plan_id),
            history.c.at >= moment,
        )
        .distinct()
    )
    kinds = {(kind, event) for kind, event in connection.execute(query).all()}
    return not kinds <= STATE_ONLY
