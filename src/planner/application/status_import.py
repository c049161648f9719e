"""Records a plan's status report (báo cáo kết quả thực hiện) as changes dated as reported.

Each row is matched to a task of the plan by its reference, else by its wording; what the row
says is recorded as Sở Nội vụ's changes that took effect on the day the row (or the report)
gives, so a province can start mid-year from its last report. What the task already shows is
left alone, so importing a report twice records nothing new.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from uuid import UUID

from planner.application.tasks import TaskService
from planner.application.workspace import Workspace
from planner.domain.actor import Actor
from planner.domain.errors import DomainError, InvalidValue
from planner.domain.task_status import Status
from planner.domain.vietnam_time import local_date
from planner.importer.status_report import StatusReport, StatusRow
from planner.queries.tasks import OccurrenceView, TaskView

# How alike a row's wording must be to a task's for the row to be read as that task.
SAME_TASK = 0.6


@dataclass
class StatusOutcome:
    recorded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)


class StatusImportService:
    def __init__(self, workspace: Workspace, tasks: TaskService) -> None:
        self.workspace = workspace
        self.tasks = tasks

    def store(
        self,
        report: StatusReport,
        plan: UUID,
        actor: Actor,
        as_of: date | None = None,
        dry_run: bool = False,
    ) -> StatusOutcome:
        """Record every readable row; a dry run says what it would record."""
        reported_on = as_of or report.reported_on
        if reported_on is None:
            raise InvalidValue(
                f"{report.name}: không thấy ngày của báo cáo; hãy cho biết số liệu tính đến "
                "ngày nào (--as-of dd/mm/yyyy)"
            )
        outcome = StatusOutcome(findings=list(report.findings))
        known = self.workspace.views.tasks(plan)
        for row in report.rows:
            task = _matching(row, known)
            if task is None:
                outcome.findings.append(
                    f"{row.origin}: không tìm thấy nhiệm vụ '{row.reference} {row.text[:60]}' "
                    "trong kế hoạch; dòng này không được ghi nhận"
                )
                continue
            self._record(row, task, row.done_on or reported_on, report, actor, dry_run, outcome)
        return outcome

    def _record(
        self,
        row: StatusRow,
        task: TaskView,
        day: date,
        report: StatusReport,
        actor: Actor,
        dry_run: bool,
        outcome: StatusOutcome,
    ) -> None:
        where = f"{row.origin}: {task.reference}"
        if day > local_date(self.workspace.clock.now()):
            outcome.findings.append(f"{where}: ngày {day:%d/%m/%Y} chưa tới, không ghi nhận")
            return
        occurrence = _occurrence(task, day)
        steps = _steps(row, occurrence) if occurrence else []
        if not steps:
            outcome.unchanged.append(where)
            return
        if dry_run:
            outcome.recorded.append(f"{where}: {', '.join(steps)} (ngày {day:%d/%m/%Y})")
            return
        assert occurrence is not None
        because = f"theo {report.name}"
        try:
            for step in steps:
                self._apply(step, row, task, occurrence, actor, day, because)
        except DomainError as error:
            outcome.findings.append(f"{where}: {error.message}")
            return
        outcome.recorded.append(f"{where}: {', '.join(steps)} (ngày {day:%d/%m/%Y})")

    def _apply(
        self,
        step: str,
        row: StatusRow,
        task: TaskView,
        occurrence: OccurrenceView,
        actor: Actor,
        day: date,
        because: str,
    ) -> None:
        key, tasks = occurrence.occurrence or None, self.tasks
        for part in _open_parts(occurrence):
            if step == "gỡ vướng mắc":
                tasks.unblock(
                    task.task_id, key, because, actor, part=part, effective_on=day, because=because
                )
            elif step == "hoàn thành":
                tasks.complete(
                    task.task_id,
                    key,
                    actor,
                    note=because,
                    part=part,
                    effective_on=day,
                    because=because,
                )
            elif step == "bắt đầu":
                tasks.start(task.task_id, key, actor, part=part, effective_on=day, because=because)
            else:
                tasks.report_progress(
                    task.task_id,
                    key,
                    actor,
                    percent=row.percent,
                    part=part,
                    effective_on=day,
                    because=because,
                )


def _steps(row: StatusRow, occurrence: OccurrenceView) -> list[str]:
    """The changes that bring the occurrence to what the row says, in order."""
    now = Status(occurrence.status)
    if row.status is Status.COMPLETED and not now.is_closed:
        return ["gỡ vướng mắc", "hoàn thành"] if now is Status.BLOCKED else ["hoàn thành"]
    if row.status is Status.IN_PROGRESS and not now.is_closed and now is not Status.BLOCKED:
        steps = ["bắt đầu"] if now is Status.NOT_STARTED else []
        if row.percent is not None and row.percent != occurrence.percent:
            steps.append("tiến độ")
        return steps
    return []


def _open_parts(occurrence: OccurrenceView) -> list[str | None]:
    """Each body's open part of shared work; None for the single part of a task one body leads."""
    if len(occurrence.parts) < 2:
        return [None]
    return [p.agency for p in occurrence.parts if p.applies and not Status(p.status).is_closed]


def _occurrence(task: TaskView, day: date) -> OccurrenceView | None:
    """The occurrence a report of `day` speaks of: the first due then or later, else the last."""
    dated = sorted(task.occurrences, key=lambda o: o.due_on or date.max)
    due_later = [o for o in dated if o.due_on is None or o.due_on >= day]
    if due_later:
        return due_later[0]
    return dated[-1] if dated else None


def _matching(row: StatusRow, tasks: list[TaskView]) -> TaskView | None:
    """By reference ("II.4" is the plan's "PL2 II.4"), the closest wording breaking ties; by
    wording alone when the row has no reference that matches."""
    wanted = _plain(row.reference).rstrip(".")
    by_reference = [
        t
        for t in tasks
        if wanted and (_plain(t.reference) == wanted or _plain(t.reference).endswith(" " + wanted))
    ]
    candidates = by_reference or tasks
    scored = [(_likeness(row.text, t.text), t) for t in candidates]
    if not scored:
        return None
    score, best = max(scored, key=lambda pair: pair[0])
    if len(by_reference) == 1 or (score >= SAME_TASK):
        return best
    return None


def _likeness(a: str, b: str) -> float:
    return SequenceMatcher(None, _plain(a), _plain(b)).ratio() if a and b else 0.0


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())
