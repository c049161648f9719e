"""Each criterion's max, last year, target and most authoritative result, per plan and year.

Beside the targets as stated, it keeps the board with its totals filled in: every group
(plan, index, year) a batch touched is rolled up again from all of its targets and stored
as one document.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from planner.domain.score_target import Definition, ResultKind, ScoreTarget
from planner.projections.projection import Projection
from planner.projections.schema import score_boards, score_targets
from planner.projections.score_board_document import board_document
from planner.projections.score_lines import ScoreLine, roll_up, stated_line
from planner.projections.view_transaction import ViewTransaction

Group = tuple[Any, str, int]  # plan, index, year


def _definition_columns(definition: Definition) -> dict[str, Any]:
    return {
        "name": definition.name,
        "level": definition.level.value,
        "max_points": definition.max_points,
        "last_year_points": definition.last_year_points,
        "target_kind": definition.target.kind.value,
        "target_value": definition.target.value,
        "target_text": definition.target.text,
        "survey_based": definition.survey_based,
        "not_evaluated": definition.not_evaluated,
    }


class ScoreBoard(Projection):
    tables = (score_targets, score_boards)
    events = (ScoreTarget.Event,)

    def __init__(self) -> None:
        super().__init__()
        self.targets = self.buffer(score_targets, "target_id")
        self.boards = self.buffer(score_boards, "plan_id")

    @singledispatchmethod
    def apply(self, domain_event: object) -> None:
        """Events this view does not handle leave it unchanged."""

    @apply.register
    def _(self, event: ScoreTarget.Set) -> None:
        self.targets.put(
            {
                "target_id": event.originator_id,
                "plan_id": event.plan_id,
                "index_name": str(event.index),
                "code": str(event.code),
                "year": event.year,
                **_definition_columns(event.definition),
                "result_kind": None,
                "result_points": None,
                "result_at": None,
                "version": event.originator_version,
            }
        )

    @apply.register
    def _(self, event: ScoreTarget.Revised) -> None:
        self._row(event).update(_definition_columns(event.definition))

    @apply.register
    def _(self, event: ScoreTarget.ResultRecorded) -> None:
        row = self._row(event)
        kind = ResultKind(event.kind)
        if row["result_kind"] is not None:
            current = (ResultKind(row["result_kind"]).authority, row["result_at"])
            if (kind.authority, event.timestamp) < current:
                return
        row.update(result_kind=kind.value, result_points=event.points, result_at=event.timestamp)

    def _row(self, event: ScoreTarget.Event) -> dict[str, Any]:
        row = self.targets.get(event.originator_id)
        assert row is not None, f"score target {event.originator_id} has no Set event"
        row = {**row, "version": event.originator_version}
        self.targets.put(row)
        return row

    def settle(self, transaction: ViewTransaction) -> None:
        changed = self.targets.changed()
        touched = {_group(row) for row in changed}
        if not touched:
            return
        plans = list({plan for plan, _, _ in touched})
        stored = transaction.statements(score_targets).select_by(
            transaction.reads, "plan_id", plans
        )
        targets = {row["target_id"]: row for row in [*stored, *changed]}  # the batch's win
        groups: dict[Group, list[ScoreLine]] = {group: [] for group in touched}
        for row in targets.values():
            if _group(row) in groups:
                groups[_group(row)].append(stated_line(row))
        self.boards.load(transaction, plans)
        for (plan, index, year), lines in groups.items():
            row = {
                "plan_id": plan,
                "index_name": index,
                "year": year,
                "lines": board_document(roll_up(lines)),
            }
            if self.boards.get(plan, index, year) != row:
                self.boards.put(row)


def _group(row: dict[str, Any]) -> Group:
    return (row["plan_id"], row["index_name"], row["year"])
