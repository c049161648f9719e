"""Commands on tasks: agencies report their work, Sở Nội vụ registers and reassigns it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from uuid import UUID

from planner.application.errors import AlreadyExists
from planner.application.workspace import Workspace
from planner.domain.actor import Actor
from planner.domain.criterion import CriterionRef
from planner.domain.effective_day import STAFF_DAYS, Dated
from planner.domain.evidence import Evidence
from planner.domain.identity import task_id
from planner.domain.plan import Plan
from planner.domain.schedule import Schedule
from planner.domain.task import Task
from planner.domain.task_status import Status


class TaskService:
    """Every change may be dated earlier than today with `effective_on` and a reason
    (`because`); agency staff only `backdate_days` back."""

    def __init__(self, workspace: Workspace, backdate_days: int = STAFF_DAYS) -> None:
        self.workspace = workspace
        self.backdate_days = backdate_days

    def add(
        self,
        plan: UUID,
        *,
        reference: str,
        text: str,
        criteria: tuple[CriterionRef, ...],
        lead: Iterable[str],
        coordinating: Iterable[str] = (),
        schedule: Schedule,
        expected_output: str = "",
        actor: Actor,
        effective_on: date | None = None,
    ) -> UUID:
        """Add a task to a plan; agency names or codes, collective names expand to members."""
        self.workspace.load(Plan, plan, "kế hoạch")
        if self.workspace.exists(task_id(plan, reference, text)):
            raise AlreadyExists(f"kế hoạch đã có nhiệm vụ '{reference or text[:60]}'")
        lead = tuple(lead)
        directory = self.workspace.views.directory()
        task = Task.add(
            plan_id=plan,
            reference=reference,
            text=text,
            criteria=criteria,
            lead=self.workspace.agency_codes(lead),
            coordinating=self.workspace.agency_codes(coordinating),
            schedule=schedule,
            expected_output=expected_output,
            actor=actor,
            at=self.workspace.clock.now(),
            effective_on=effective_on,
            lead_groups=tuple(g for name in lead if (g := directory.find_group(name))),
        )
        self.workspace.save(task, what="nhiệm vụ")
        return task.id

    def start(
        self,
        task: UUID,
        occurrence: str | None,
        actor: Actor,
        expected_version: int | None = None,
        *,
        effective_on: date | None = None,
        because: str = "",
        part: str | None = None,
    ) -> Status:
        found = self._load(task, expected_version)
        found.start(
            occurrence, actor, self.workspace.clock.now(), self._on(effective_on, because), part
        )
        return self._save(found, occurrence, actor, part)

    def report_progress(
        self,
        task: UUID,
        occurrence: str | None,
        actor: Actor,
        *,
        percent: int | None = None,
        note: str = "",
        evidence: tuple[Evidence, ...] = (),
        expected_version: int | None = None,
        effective_on: date | None = None,
        because: str = "",
        part: str | None = None,
    ) -> Status:
        found = self._load(task, expected_version)
        found.report_progress(
            occurrence,
            percent,
            note,
            evidence,
            actor,
            self.workspace.clock.now(),
            self._on(effective_on, because),
            part,
        )
        return self._save(found, occurrence, actor, part)

    def complete(
        self,
        task: UUID,
        occurrence: str | None,
        actor: Actor,
        *,
        note: str = "",
        evidence: tuple[Evidence, ...] = (),
        expected_version: int | None = None,
        effective_on: date | None = None,
        because: str = "",
        part: str | None = None,
    ) -> Status:
        found = self._load(task, expected_version)
        found.complete(
            occurrence,
            note,
            evidence,
            actor,
            self.workspace.clock.now(),
            self._on(effective_on, because),
            part,
        )
        return self._save(found, occurrence, actor, part)

    def block(
        self,
        task: UUID,
        occurrence: str | None,
        reason: str,
        actor: Actor,
        expected_version: int | None = None,
        *,
        effective_on: date | None = None,
        because: str = "",
        part: str | None = None,
    ) -> Status:
        found = self._load(task, expected_version)
        found.block(
            occurrence,
            reason,
            actor,
            self.workspace.clock.now(),
            self._on(effective_on, because),
            part,
        )
        return self._save(found, occurrence, actor, part)

    def unblock(
        self,
        task: UUID,
        occurrence: str | None,
        note: str,
        actor: Actor,
        expected_version: int | None = None,
        *,
        effective_on: date | None = None,
        because: str = "",
        part: str | None = None,
    ) -> Status:
        found = self._load(task, expected_version)
        found.unblock(
            occurrence,
            note,
            actor,
            self.workspace.clock.now(),
            self._on(effective_on, because),
            part,
        )
        return self._save(found, occurrence, actor, part)

    def reopen(
        self,
        task: UUID,
        occurrence: str | None,
        reason: str,
        actor: Actor,
        expected_version: int | None = None,
        *,
        effective_on: date | None = None,
        because: str = "",
        part: str | None = None,
    ) -> Status:
        found = self._load(task, expected_version)
        found.reopen(
            occurrence,
            reason,
            actor,
            self.workspace.clock.now(),
            self._on(effective_on, because),
            part,
        )
        return self._save(found, occurrence, actor, part)

    def cancel(
        self,
        task: UUID,
        occurrence: str | None,
        reason: str,
        actor: Actor,
        expected_version: int | None = None,
        *,
        effective_on: date | None = None,
        because: str = "",
    ) -> None:
        found = self._load(task, expected_version)
        found.cancel(
            occurrence,
            reason,
            actor,
            self.workspace.clock.now(),
            self._on(effective_on, because),
        )
        self.workspace.save(found, what=f"nhiệm vụ {found.label}")

    def change_deadline(
        self,
        task: UUID,
        occurrence: str | None,
        due_on: date,
        reason: str,
        actor: Actor,
        expected_version: int | None = None,
        *,
        effective_on: date | None = None,
        because: str = "",
    ) -> None:
        found = self._load(task, expected_version)
        found.change_deadline(
            occurrence,
            due_on,
            reason,
            actor,
            self.workspace.clock.now(),
            self._on(effective_on, because),
        )
        self.workspace.save(found, what=f"nhiệm vụ {found.label}")

    def reassign(
        self,
        task: UUID,
        lead: Iterable[str],
        coordinating: Iterable[str],
        reason: str,
        actor: Actor,
        expected_version: int | None = None,
        *,
        effective_on: date | None = None,
        because: str = "",
    ) -> None:
        found = self._load(task, expected_version)
        found.reassign(
            self.workspace.agency_codes(lead),
            self.workspace.agency_codes(coordinating),
            reason,
            actor,
            self.workspace.clock.now(),
            self._on(effective_on, because),
        )
        self.workspace.save(found, what=f"nhiệm vụ {found.label}")

    def request_extension(
        self,
        task: UUID,
        occurrence: str | None,
        to: date,
        reason: str,
        actor: Actor,
        expected_version: int | None = None,
    ) -> None:
        """Xin gia hạn: the lead asks Sở Nội vụ for a later day."""
        found = self._load(task, expected_version)
        found.request_extension(occurrence, to, reason, actor, self.workspace.clock.now())
        self.workspace.save(found, what=f"nhiệm vụ {found.label}")

    def decide_extension(
        self,
        task: UUID,
        occurrence: str | None,
        approved: bool,
        reason: str,
        actor: Actor,
        expected_version: int | None = None,
        *,
        effective_on: date | None = None,
        because: str = "",
    ) -> None:
        """Sở Nội vụ approves or refuses a pending extension request."""
        found = self._load(task, expected_version)
        found.decide_extension(
            occurrence,
            approved,
            reason,
            actor,
            self.workspace.clock.now(),
            self._on(effective_on, because),
        )
        self.workspace.save(found, what=f"nhiệm vụ {found.label}")

    def send_input(
        self,
        task: UUID,
        occurrence: str | None,
        actor: Actor,
        *,
        note: str = "",
        evidence: tuple[Evidence, ...] = (),
        body: str | None = None,
        expected_version: int | None = None,
        effective_on: date | None = None,
        because: str = "",
    ) -> None:
        """Đã gửi ý kiến/số liệu: a coordinating body's input to the lead."""
        found = self._load(task, expected_version)
        found.send_input(
            occurrence,
            note,
            evidence,
            actor,
            self.workspace.clock.now(),
            self._on(effective_on, because),
            body,
        )
        self.workspace.save(found, what=f"nhiệm vụ {found.label}")

    def mark_not_applicable(
        self,
        task: UUID,
        occurrences: tuple[str, ...],
        bodies: Iterable[str],
        reason: str,
        actor: Actor,
        *,
        applicable: bool = False,
        expected_version: int | None = None,
    ) -> None:
        """Không áp dụng (or applicable again) for many bodies' parts in one action."""
        found = self._load(task, expected_version)
        codes = self.workspace.agency_codes(bodies)
        found.mark_not_applicable(
            occurrences, codes, reason, actor, self.workspace.clock.now(), applicable
        )
        self.workspace.save(found, what=f"nhiệm vụ {found.label}")

    def extend_parts(
        self,
        task: UUID,
        occurrences: tuple[str, ...],
        bodies: Iterable[str],
        to: date,
        reason: str,
        actor: Actor,
        *,
        expected_version: int | None = None,
        effective_on: date | None = None,
        because: str = "",
    ) -> None:
        """Gia hạn cho cơ quan: a later day for some bodies' parts, in one action."""
        found = self._load(task, expected_version)
        codes = self.workspace.agency_codes(bodies)
        found.extend_parts(
            occurrences,
            codes,
            to,
            reason,
            actor,
            self.workspace.clock.now(),
            self._on(effective_on, because),
        )
        self.workspace.save(found, what=f"nhiệm vụ {found.label}")

    def _on(self, effective_on: date | None, because: str) -> Dated | None:
        """The change's effective day when it is said to be earlier than today."""
        return None if effective_on is None else Dated(effective_on, because, self.backdate_days)

    def _load(self, task: UUID, expected_version: int | None) -> Task:
        return self.workspace.load(Task, task, "nhiệm vụ", expected_version)

    def _save(self, task: Task, occurrence: str | None, actor: Actor, part: str | None) -> Status:
        """Save and return the status the change left: the body's own part of shared work,
        else the (single or chosen) occurrence's."""
        self.workspace.save(task, what=f"nhiệm vụ {task.label}")
        state = task.occurrences[occurrence if occurrence else next(iter(task.occurrences))]
        own = [
            p
            for code, p in state.parts.items()
            if code == part or (part is None and not actor.oversees and actor.speaks_for((code,)))
        ]
        return own[0].status if len(state.parts) > 1 and own else state.status
