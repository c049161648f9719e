"""Storing a checked document: the plan, its targets, tasks and obligations, criteria sets.

Everything is recorded in one save, so an import is stored whole or not at all. Ids are
derived from the document (plan number, criterion code, task reference and text), so the
same document imported again records nothing, and a revised one records only what changed:
revised targets and criteria sets, reassigned tasks, new rows. Tasks the store has but the
document no longer lists are reported, never cancelled silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate

from planner.application.plan_document import (
    CriteriaSetEntry,
    ObligationEntry,
    PlanDocument,
    PlanHeader,
    TargetEntry,
    TaskEntry,
)
from planner.application.workspace import Workspace
from planner.domain.actor import Actor
from planner.domain.agency import Agency
from planner.domain.criteria_set import CriteriaSet
from planner.domain.identity import (
    agency_id,
    criteria_set_id,
    import_record_id,
    plan_id,
    target_id,
    task_id,
)
from planner.domain.import_corrections import NO_CORRECTIONS, Corrections
from planner.domain.import_record import ImportRecord
from planner.domain.plan import Plan, plan_number
from planner.domain.score_target import ScoreTarget
from planner.domain.task import Task
from planner.domain.text import name_key
from planner.domain.vietnam_time import local_date
from planner.presentation.vietnamese import format_date

Progress = Callable[[int, int], None]


@dataclass
class StoreOutcome:
    """What an import recorded (or, for a dry run, would record), by kind of thing."""

    added: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    not_in_document: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    events: int = 0


class ImportService:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def store(
        self,
        document: PlanDocument,
        actor: Actor,
        *,
        reason: str,
        dry_run: bool = False,
        progress: Progress | None = None,
        corrections: Corrections = NO_CORRECTIONS,
        keys: tuple[str, ...] = (),
        replace_kept: bool = False,
    ) -> StoreOutcome:
        """Record the document's differences from the store, and the corrections it was read
        with under each of its `keys` (`replace_kept`: even none, in place of those kept); a
        dry run records nothing."""
        storing = _Storing(self.workspace, actor, reason, progress, document.size)
        storing.criteria_sets(document.criteria_sets)
        if document.plan is not None:
            plan = storing.plan(document.plan)
            storing.obligations(plan, document.obligations)
            storing.targets(plan.id, document.targets)
            storing.tasks(plan.id, document.tasks)
        if corrections or replace_kept:
            storing.corrections(corrections, keys)
            storing.aliases(corrections.agencies)
        storing.outcome.events = sum(len(a.pending_events) for a in storing.pending)
        if not dry_run and storing.outcome.events:
            with self.workspace.bulk():
                self.workspace.save(*storing.pending, what="văn bản nhập")
        return storing.outcome

    def kept_corrections(self, keys: tuple[str, ...]) -> ImportRecord | None:
        """The corrections kept for a document known by one of `keys`, the first found."""
        for key in keys:
            identity = import_record_id(key)
            if self.workspace.exists(identity):
                return self.workspace.load(ImportRecord, identity, "sửa đã ghi")
        return None


class _Storing:
    def __init__(
        self,
        workspace: Workspace,
        actor: Actor,
        reason: str,
        progress: Progress | None,
        total: int,
    ) -> None:
        self.workspace = workspace
        self.actor = actor
        self.reason = reason
        self.progress = progress
        self.total = total
        self.done = 0
        self.now = workspace.clock.now()
        self.in_effect_from: date | None = None  # the plan's issue day: its tasks' too
        self.pending: list[Aggregate] = []
        self.outcome = StoreOutcome()

    def plan(self, header: PlanHeader) -> Plan:
        identity = plan_id(header.province, plan_number(header.number))
        if self.workspace.exists(identity):
            plan = self.workspace.load(Plan, identity, f"kế hoạch {header.number}")
            self._compare(plan, header)
            self._count("plan", changed=False)
        else:
            plan = Plan.register(
                number=header.number,
                title=header.title,
                issuer=header.issuer,
                province=header.province,
                issued_on=header.issued_on,
                year=header.year,
                indices=header.indices,
                actor=self.actor,
                at=self.now,
            )
            self._count("plan", added=True)
        if plan.issued_on is not None and plan.issued_on <= local_date(self.now):
            self.in_effect_from = plan.issued_on
        self.pending.append(plan)
        return plan

    def obligations(self, plan: Plan, entries: tuple[ObligationEntry, ...]) -> None:
        for entry in entries:
            obligation = entry.obligation
            existing = plan.obligations.get(obligation.key)
            if existing == obligation:
                self._count("obligation", changed=False)
                continue
            if existing is not None:
                plan.withdraw_obligation(obligation.key, self.reason, self.actor, self.now)
            plan.add_obligation(obligation, self.actor, self.now)
            self._count("obligation", added=existing is None, changed=existing is not None)

    def targets(self, plan: UUID, entries: tuple[TargetEntry, ...]) -> None:
        for entry in entries:
            identity = target_id(plan, entry.index.value, str(entry.code), entry.year)
            if self.workspace.exists(identity):
                target = self.workspace.load(ScoreTarget, identity, f"mục tiêu {entry.code}")
                revised = target.revise(entry.definition, self.reason, self.actor, self.now)
                self._keep(target, "target", changed=revised)
            else:
                target = ScoreTarget.set(
                    plan_id=plan,
                    index=entry.index,
                    code=entry.code,
                    year=entry.year,
                    definition=entry.definition,
                    actor=self.actor,
                    at=self.now,
                )
                self._keep(target, "target", added=True)

    def tasks(self, plan: UUID, entries: tuple[TaskEntry, ...]) -> None:
        listed = set()
        for entry in entries:
            identity = task_id(plan, entry.reference, entry.text)
            listed.add(identity)
            if self.workspace.exists(identity):
                self._existing_task(identity, entry)
            else:
                self._keep(self._new_task(plan, entry), "task", added=True)
        self.outcome.not_in_document = [
            f"{task.reference} — {task.text[:60]}"
            for task in self.workspace.views.tasks(plan)
            if task.task_id not in listed
        ]

    def criteria_sets(self, entries: tuple[CriteriaSetEntry, ...]) -> None:
        for entry in entries:
            identity = criteria_set_id(entry.province, entry.year, entry.unit_kind.value)
            if self.workspace.exists(identity):
                found = self.workspace.load(CriteriaSet, identity, "bộ tiêu chí")
                revised = found.revise(
                    title=entry.title,
                    source=entry.source,
                    criteria=entry.criteria,
                    reason=self.reason,
                    actor=self.actor,
                    at=self.now,
                )
                self._keep(found, "criteria_set", changed=revised)
            else:
                found = CriteriaSet.define(
                    province=entry.province,
                    year=entry.year,
                    unit_kind=entry.unit_kind,
                    title=entry.title,
                    source=entry.source,
                    criteria=entry.criteria,
                    actor=self.actor,
                    at=self.now,
                )
                self._keep(found, "criteria_set", added=True)

    def corrections(self, corrections: Corrections, keys: tuple[str, ...]) -> None:
        """Kept under each key (counted once): the same corrections record nothing."""
        added = changed = False
        for key in keys:
            identity = import_record_id(key)
            if self.workspace.exists(identity):
                kept = self.workspace.load(ImportRecord, identity, "sửa đã ghi")
                revised = kept.revise(corrections, self.reason, self.actor, self.now)
                changed = changed or revised
                if revised:
                    self.pending.append(kept)
            else:
                kept = ImportRecord.record(
                    key=key,
                    corrections=corrections,
                    reason=self.reason,
                    actor=self.actor,
                    at=self.now,
                )
                added = True
                self.pending.append(kept)
        self._count("corrections", added=added, changed=changed and not added)

    def aliases(self, names: tuple[tuple[str, str], ...]) -> None:
        """A name a person mapped to an agency is kept as that agency's alias."""
        agencies: dict[str, Agency] = {}
        for name, code in names:
            if code not in agencies:
                agencies[code] = self.workspace.load(Agency, agency_id(code), f"cơ quan {code}")
            agency = agencies[code]
            if name_key(name) not in {name_key(n) for n in (agency.name, *agency.aliases)}:
                agency.set_aliases((*agency.aliases, name), self.actor, self.now)
                self._count("alias", added=True)
        self.pending.extend(a for a in agencies.values() if a.pending_events)

    def _new_task(self, plan: UUID, entry: TaskEntry) -> Task:
        return Task.add(
            plan_id=plan,
            reference=entry.reference,
            text=entry.text,
            criteria=entry.criteria,
            lead=entry.lead,
            coordinating=entry.coordinating,
            schedule=entry.schedule,
            expected_output=entry.expected_output,
            lead_wording=entry.lead_wording,
            coordinating_wording=entry.coordinating_wording,
            actor=self.actor,
            at=self.now,
            effective_on=self.in_effect_from,
            lead_groups=entry.lead_groups,
        )

    def _existing_task(self, identity: UUID, entry: TaskEntry) -> None:
        """The same task again: a new assignment is recorded; the rest is only reported."""
        task = self.workspace.load(Task, identity, f"nhiệm vụ {entry.reference}")
        coordinating = tuple(c for c in entry.coordinating if c not in entry.lead)
        # By membership: a body that joined a lead group since is listed last in the task.
        reassigned = (set(entry.lead), set(coordinating)) != (
            set(task.lead),
            set(task.coordinating),
        )
        if reassigned and entry.lead:
            task.reassign(entry.lead, coordinating, self.reason, self.actor, self.now)
        elif reassigned:
            self.outcome.notes.append(
                f"nhiệm vụ {entry.reference}: văn bản không còn cơ quan chủ trì nào trong danh "
                "mục; giữ phân công cũ"
            )
        if task.schedule != entry.schedule:
            self.outcome.notes.append(
                f"nhiệm vụ {entry.reference}: thời gian trong văn bản là '{entry.schedule.text}', "
                f"trong kho là '{task.schedule.text}'; dùng 'planner task deadline' để đổi hạn"
            )
        self._keep(task, "task", changed=reassigned and bool(entry.lead))

    def _compare(self, plan: Plan, header: PlanHeader) -> None:
        stored = (plan.title, plan.issued_on, plan.year)
        written = (header.title, header.issued_on, header.year)
        if stored != written:
            self.outcome.notes.append(
                f"kế hoạch {plan.number} đã có trong kho (năm {plan.year}, ngày "
                f"{format_date(plan.issued_on)}); đầu văn bản ghi khác (năm {header.year}, ngày "
                f"{format_date(header.issued_on)}) — giữ như trong kho"
            )

    def _keep(
        self, aggregate: Aggregate, kind: str, *, added: bool = False, changed: bool = False
    ) -> None:
        if added or changed:
            self.pending.append(aggregate)
        self._count(kind, added=added, changed=changed)

    def _count(self, kind: str, *, added: bool = False, changed: bool = False) -> None:
        counter = (
            self.outcome.added
            if added
            else self.outcome.changed
            if changed
            else self.outcome.unchanged
        )
        counter[kind] += 1
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)
