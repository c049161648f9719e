"""Đối chiếu với mục tiêu kế hoạch: each scored unit's results against its own plan's targets.

For every unit of a round that issued a plan with numeric PAR_INDEX targets for the round's
year: per criterion, the target, the unit's result and its kind, met or short and by how much,
and the plan's tasks serving that criterion or one beneath it, with how they stand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planner.application.errors import NotFound
from planner.application.planner import Planner
from planner.domain.criteria_set import UnitKind
from planner.domain.criterion import CriterionCode, CriterionRef
from planner.domain.score_target import ResultKind
from planner.domain.scoring.round import within
from planner.domain.target import TargetKind
from planner.domain.vietnam_time import end_of_day
from planner.queries.plans import PlanView
from planner.queries.score_board import NUMERIC_TARGETS, ScoreLine
from planner.queries.tasks import TaskView
from planner.reports.model import TaskState
from planner.reports.scores import task_state
from planner.reports.scoring_source import PAR, ScoringSource


@dataclass(frozen=True)
class TaskBehind:
    reference: str
    text: str
    state: TaskState | None  # None when every occurrence was cancelled


@dataclass(frozen=True)
class TargetCheck:
    """One criterion's target against the unit's result."""

    code: str  # "" for the index total
    name: str
    target: Decimal
    percent: bool
    achieved: Decimal | None
    kind: ResultKind | None
    tasks: tuple[TaskBehind, ...]

    @property
    def difference(self) -> Decimal | None:
        """Achieved minus target: negative when short, zero or more when met."""
        return None if self.achieved is None else self.achieved - self.target

    @property
    def met(self) -> bool | None:
        return None if self.difference is None else self.difference >= 0


@dataclass(frozen=True)
class UnitAgainstPlan:
    unit: str
    unit_name: str
    plan_number: str
    plan_title: str
    checks: tuple[TargetCheck, ...]


def against_plan(
    planner: Planner, year: int, unit_kind: UnitKind, on: date, unit: str | None = None
) -> list[UnitAgainstPlan]:
    """Every unit of the round with a plan of its own (or just `unit`), as of the end of `on`."""
    planner.scoring.round(year, unit_kind)  # NotFound when there is no such round
    wanted = _unit_code(planner, unit) if unit is not None else None
    source = ScoringSource(planner)
    names = {a.code: a.name for a in planner.views.agencies()}
    found: list[UnitAgainstPlan] = []
    for plan in planner.views.plans():
        scored = source.unit_round(plan, year, end_of_day(on))
        if scored is None or scored.round.unit_kind != unit_kind:
            continue
        if wanted is not None and scored.unit != wanted:
            continue
        targets = [
            line
            for line in source.targets(plan.plan_id)
            if line.year == year
            and line.target_kind in NUMERIC_TARGETS
            and line.target_value is not None
        ]
        if targets:
            checks = _checks(planner, source, plan, year, targets, on)
            name = names.get(scored.unit, scored.unit)
            found.append(UnitAgainstPlan(scored.unit, name, plan.number, plan.title, checks))
    return sorted(found, key=lambda u: (u.unit_name, u.plan_number))


def _checks(
    planner: Planner,
    source: ScoringSource,
    plan: PlanView,
    year: int,
    targets: list[ScoreLine],
    on: date,
) -> tuple[TargetCheck, ...]:
    results = {r.code: r for r in source.results(plan.plan_id, on) if r.year == year}
    tasks = planner.views.tasks(plan.plan_id)
    ordered = sorted(
        targets, key=lambda line: (line.criterion.depth > 0, line.criterion.sort_key())
    )
    return tuple(
        TargetCheck(
            code=line.code,
            name=line.name,
            target=line.target_value or Decimal(0),
            percent=line.target_kind == TargetKind.PERCENT,
            achieved=results[line.code].points if line.code in results else None,
            kind=results[line.code].kind if line.code in results else None,
            tasks=_behind(tasks, line.criterion, on),
        )
        for line in ordered
    )


def _behind(tasks: list[TaskView], code: CriterionCode, on: date) -> tuple[TaskBehind, ...]:
    """The tasks serving the criterion or a row beneath it, in the plan's order."""
    serving = [
        task
        for task in tasks
        if any(
            ref.index == PAR and within(ref.code, code)
            for ref in (CriterionRef.parse(text) for text in task.criteria)
        )
    ]
    return tuple(TaskBehind(t.reference, t.text, task_state(t, on)) for t in serving)


def _unit_code(planner: Planner, unit: str) -> str:
    code = planner.views.directory().find(unit)
    if code is None:
        raise NotFound(f"--unit: không có đơn vị '{unit}' trong danh mục cơ quan")
    return code
