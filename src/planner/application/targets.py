"""Commands on score targets (Mục tiêu) and the results recorded against them."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from planner.application.workspace import Workspace
from planner.domain.actor import Actor
from planner.domain.criterion import CriterionCode, Index
from planner.domain.identity import target_id
from planner.domain.plan import Plan
from planner.domain.score_target import Definition, ResultKind, ScoreTarget


class TargetService:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def set(
        self,
        plan: UUID,
        *,
        index: Index,
        code: CriterionCode,
        year: int,
        definition: Definition,
        actor: Actor,
        reason: str = "",
    ) -> UUID:
        """Register the target, or revise it if the plan already has one for this criterion."""
        identity = target_id(plan, index.value, str(code), year)
        if self.workspace.exists(identity):
            target = self.workspace.load(ScoreTarget, identity, f"mục tiêu {code}")
            if target.revise(definition, reason or "điều chỉnh", actor, self.workspace.clock.now()):
                self.workspace.save(target, what=f"mục tiêu {code}")
            return identity
        self.workspace.load(Plan, plan, "kế hoạch")
        target = ScoreTarget.set(
            plan_id=plan,
            index=index,
            code=code,
            year=year,
            definition=definition,
            actor=actor,
            at=self.workspace.clock.now(),
        )
        self.workspace.save(target, what=f"mục tiêu {code}")
        return target.id

    def record_result(
        self,
        target: UUID,
        kind: ResultKind,
        points: Decimal,
        actor: Actor,
        *,
        note: str = "",
        expected_version: int | None = None,
    ) -> None:
        found = self.workspace.load(ScoreTarget, target, "mục tiêu", expected_version)
        found.record_result(kind, points, note, actor, self.workspace.clock.now())
        self.workspace.save(found, what=f"mục tiêu {found.code}")
