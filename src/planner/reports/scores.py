"""Targets against results, per index and year, with how the tasks behind each criterion stand."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planner.domain.criterion import CriterionCode, CriterionRef, Index
from planner.domain.task_status import Status
from planner.queries.score_board import ScoreLine, roll_up
from planner.queries.tasks import TaskView
from planner.reports.model import CriterionLine, ScoreSection, TaskState
from planner.reports.results import CriterionResult, with_results
from planner.reports.snapshot import Snapshot

INDEX_ORDER = [i.value for i in Index]


@dataclass(frozen=True)
class ServedBy:
    """A task's state on the report's day, who leads it, and the criteria it serves."""

    state: TaskState | None
    lead: tuple[str, ...]
    criteria: tuple[CriterionRef, ...]

    def codes(self, index: str) -> list[CriterionCode]:
        return [ref.code for ref in self.criteria if ref.index == index]

    @property
    def at_risk(self) -> bool:
        return self.state is not None and self.state.at_risk


def score_sections(
    snapshot: Snapshot, results: Iterable[CriterionResult] = ()
) -> tuple[ScoreSection, ...]:
    """One section per index and year the plan sets targets for."""
    groups: dict[tuple[str, int], list[ScoreLine]] = defaultdict(list)
    for line in with_results(snapshot.scores, results):
        groups[(line.index, line.year)].append(line)
    served = [_served(task, snapshot) for task in snapshot.tasks]
    ordered = sorted(groups, key=lambda key: (INDEX_ORDER.index(key[0]), key[1]))
    return tuple(_section(index, year, groups[(index, year)], served) for index, year in ordered)


def task_state(task: TaskView, on: date) -> TaskState | None:
    """Overdue or blocked if any occurrence is; completed when all are; None if all cancelled."""
    live = [o for o in task.occurrences if o.status != Status.CANCELLED]
    if not live:
        return None
    if any(not Status(o.status).is_closed and o.due_on is not None and o.due_on < on for o in live):
        return TaskState.OVERDUE
    if any(o.status == Status.BLOCKED for o in live):
        return TaskState.BLOCKED
    if all(o.status == Status.COMPLETED for o in live):
        return TaskState.COMPLETED
    return TaskState.ON_TRACK


def _served(task: TaskView, snapshot: Snapshot) -> ServedBy:
    refs = tuple(CriterionRef.parse(text) for text in task.criteria)
    lead = snapshot.names(task.lead)
    return ServedBy(task_state(task, snapshot.on), lead, refs)


def _section(index: str, year: int, lines: list[ScoreLine], served: list[ServedBy]) -> ScoreSection:
    direct, behind = _by_criterion(served, index)
    rows = tuple(
        _criterion_line(line, direct[line.criterion], behind[line.criterion])
        for line in roll_up(lines)
    )
    own = [task for task in served if task.codes(index)]
    points, without_points = _points_at_risk(rows, own, index)
    return ScoreSection(index, year, rows, points, without_points)


Tasks = dict[CriterionCode, list[ServedBy]]


def _by_criterion(served: list[ServedBy], index: str) -> tuple[Tasks, Tasks]:
    """The tasks serving each criterion itself, and those serving it or one beneath it."""
    direct: Tasks = defaultdict(list)
    behind: Tasks = defaultdict(list)
    for task in served:
        codes = set(task.codes(index))
        for code in codes:
            direct[code].append(task)
        for ancestor in {ancestor for code in codes for ancestor in _lineage(code)}:
            behind[ancestor].append(task)
    return direct, behind


def _points_at_risk(
    rows: tuple[CriterionLine, ...], served: list[ServedBy], index: str
) -> tuple[Decimal, tuple[str, ...]]:
    """Max points of the criteria whose own tasks are late or blocked, each counted once.

    A criterion inside one already counted adds nothing; codes served by a late task that the
    plan gives no row (or no max points) are named instead.
    """
    at_risk = {row.code: row for row in rows if row.at_risk}
    counted = [
        row for row in at_risk.values() if not any(a in at_risk for a in _ancestors(row.code))
    ]
    listed = {row.code for row in rows}
    unlisted = {
        str(code)
        for task in served
        if task.at_risk
        for code in task.codes(index)
        if str(code) not in listed
    }
    points = sum(
        (r.max_points for r in counted if r.max_points is not None and not r.not_evaluated),
        Decimal(0),
    )
    return points, tuple([r.code for r in counted if r.max_points is None] + sorted(unlisted))


def _criterion_line(
    line: ScoreLine, direct: list[ServedBy], behind: list[ServedBy]
) -> CriterionLine:
    """`direct`: tasks serving this very criterion; `behind`: those serving it or one beneath."""
    states = [task.state for task in behind if task.state is not None]
    return CriterionLine(
        code=line.code,
        name=line.name,
        level=line.level,
        max_points=line.max_points,
        last_year_points=line.last_year_points,
        target_kind=line.target_kind,
        target_value=line.target_value,
        target_text=line.target_text,
        result_points=line.result_points,
        result_kind=line.result_kind,
        gap=line.gap,
        stated=line.stated,
        survey_based=line.survey_based,
        not_evaluated=line.not_evaluated,
        tasks=len(behind),
        task_state=min(states, key=list(TaskState).index) if states else None,
        at_risk=any(task.at_risk for task in direct),
        lead=tuple(dict.fromkeys(name for task in direct for name in task.lead)),
    )


def _lineage(code: CriterionCode) -> list[CriterionCode]:
    """3.2.1, 3.2, 3 and the index total."""
    return [CriterionCode(code.parts[:depth]) for depth in range(code.depth, -1, -1)]


def _ancestors(code: str) -> list[str]:
    parts = code.split(".") if code else []
    return [".".join(parts[:depth]) for depth in range(len(parts))]
