"""Commands on plans and their plan-level obligations."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from planner.application.errors import AlreadyExists
from planner.application.workspace import Workspace
from planner.domain.actor import Actor
from planner.domain.criterion import Index
from planner.domain.identity import plan_id
from planner.domain.plan import Obligation, Plan, plan_number
from planner.domain.schedule import Schedule


class PlanService:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def register(
        self,
        *,
        number: str,
        title: str,
        issuer: str,
        province: str,
        issued_on: date | None,
        year: int,
        indices: tuple[Index, ...],
        actor: Actor,
    ) -> UUID:
        if self.workspace.exists(plan_id(province, plan_number(number))):
            raise AlreadyExists(f"kế hoạch số {plan_number(number)} của {province} đã được đăng ký")
        plan = Plan.register(
            number=number,
            title=title,
            issuer=issuer,
            province=province,
            issued_on=issued_on,
            year=year,
            indices=indices,
            actor=actor,
            at=self.workspace.clock.now(),
        )
        self.workspace.save(plan, what=f"kế hoạch {plan.number}")
        return plan.id

    def add_obligation(
        self,
        plan: UUID,
        *,
        key: str,
        text: str,
        schedule: Schedule,
        responsible: tuple[str, ...],
        report_to: str | None,
        actor: Actor,
    ) -> None:
        found = self.workspace.load(Plan, plan, "kế hoạch")
        codes = tuple(
            c for name in responsible for c in self.workspace.views.directory().resolve(name)
        )
        obligation = Obligation(key, text, schedule, codes, report_to)
        found.add_obligation(obligation, actor, self.workspace.clock.now())
        self.workspace.save(found, what=f"kế hoạch {found.number}")

    def withdraw_obligation(self, plan: UUID, key: str, reason: str, actor: Actor) -> None:
        found = self.workspace.load(Plan, plan, "kế hoạch")
        found.withdraw_obligation(key, reason, actor, self.workspace.clock.now())
        self.workspace.save(found, what=f"kế hoạch {found.number}")

    def set_input_days(self, plan: UUID, days: int, reason: str, actor: Actor) -> None:
        """The coordinating bodies' internal deadline: `days` working days before the lead's."""
        found = self.workspace.load(Plan, plan, "kế hoạch")
        found.set_input_days(days, reason, actor, self.workspace.clock.now())
        self.workspace.save(found, what=f"kế hoạch {found.number}")
