"""The report: pure data computed once from the views, then rendered as HTML, XLSX or CSV."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from planner.queries.basis import Basis
from planner.reports.periods import ReportPeriod


@dataclass(frozen=True)
class PlanHeading:
    plan_id: UUID
    number: str
    title: str
    issuer: str
    province: str
    issued_on: date | None
    year: int


@dataclass(frozen=True)
class Counts:
    """Occurrences of tasks by state on the report's day; `total` leaves out cancelled ones."""

    total: int
    completed: int
    completed_on_time: int
    in_progress: int
    not_started: int
    blocked: int
    overdue: int
    cancelled: int
    percent_complete: Decimal

    @property
    def completed_late(self) -> int:
        return self.completed - self.completed_on_time

    @property
    def open(self) -> int:
        """Neither completed nor cancelled (overdue ones included)."""
        return self.in_progress + self.not_started + self.blocked


@dataclass(frozen=True)
class Change:
    """Since the end of the previous period: more completed, percentage points gained."""

    completed: int
    overdue: int
    percent_points: Decimal


@dataclass(frozen=True)
class AgencyProgress:
    agency: str
    agency_name: str
    counts: Counts
    change: Change | None  # None: the agency led nothing of this plan at the previous period's end


@dataclass(frozen=True)
class ProgressSection:
    agencies: tuple[AgencyProgress, ...]
    plan: Counts  # the plan as a whole; an occurrence led by several agencies counts once
    plan_change: Change | None
    previous_on: date  # the day the changes are counted from


class TaskState(StrEnum):
    """How the tasks behind a criterion stand, worst first."""

    OVERDUE = "overdue"
    BLOCKED = "blocked"
    ON_TRACK = "on_track"
    COMPLETED = "completed"

    @property
    def label(self) -> str:
        return {
            "overdue": "Có nhiệm vụ quá hạn",
            "blocked": "Có nhiệm vụ vướng mắc",
            "on_track": "Đúng tiến độ",
            "completed": "Đã hoàn thành",
        }[self.value]

    @property
    def at_risk(self) -> bool:
        return self in (TaskState.OVERDUE, TaskState.BLOCKED)


@dataclass(frozen=True)
class CriterionLine:
    """A row of a plan's appendix table, with its latest result and the tasks behind it."""

    code: str  # "" for the index total
    name: str
    level: str
    max_points: Decimal | None
    last_year_points: Decimal | None
    target_kind: str  # points, percent or text
    target_value: Decimal | None
    target_text: str
    result_points: Decimal | None
    result_kind: str | None  # self_assessed, appraised or official; None when mixed or absent
    gap: Decimal | None
    stated: bool  # False: summed by planner from the rows beneath
    survey_based: bool
    not_evaluated: bool
    tasks: int  # tasks serving this criterion or one beneath it
    task_state: TaskState | None
    at_risk: bool  # a task serving this very criterion is overdue or blocked
    lead: tuple[str, ...]  # names of the bodies leading its own tasks, as carried on today

    @property
    def depth(self) -> int:
        return len(self.code.split(".")) if self.code else 0


@dataclass(frozen=True)
class ScoreSection:
    """One index's targets for one year."""

    index: str
    year: int
    lines: tuple[CriterionLine, ...]
    points_at_risk: Decimal
    at_risk_without_points: tuple[str, ...]  # codes served by late tasks but with no row

    @property
    def total(self) -> CriterionLine | None:
        return next((line for line in self.lines if not line.code), None)

    @property
    def is_percent(self) -> bool:
        return any(line.target_kind == "percent" for line in self.lines)


@dataclass(frozen=True)
class OverdueTask:
    reference: str
    text: str
    occurrence: str
    due_on: date
    days_late: int
    status: str
    percent: int
    lead: tuple[str, ...]  # names, as carried on today


@dataclass(frozen=True)
class CompletedTask:
    reference: str
    text: str
    occurrence: str
    due_on: date | None
    completed_on: date
    on_time: bool
    lead: tuple[str, ...]


@dataclass(frozen=True)
class ProgressReport:
    """The quarterly or annual report of one plan, as of the end of one day."""

    plan: PlanHeading
    period: ReportPeriod
    as_of: date
    progress: ProgressSection
    scores: tuple[ScoreSection, ...]
    overdue: tuple[OverdueTask, ...]
    completed: tuple[CompletedTask, ...]  # in the period, up to `as_of`
    basis: Basis = Basis.CURRENT  # which reading of "as of `as_of`" the figures are

    @property
    def kind(self) -> str:
        return "quarterly" if self.period.is_quarter else "annual"
