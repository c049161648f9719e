"""Each criterion's max, last year, target and most authoritative result, per plan and year.

Beside the targets as stated, it keeps the board with its totals filled in: every group
(plan, index, year) a batch touched is rolled up again from all of its targets.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from planner.domain.score_target import Definition, ResultKind, ScoreTarget
from planner.projections.projection import Projection
from planner.projections.schema import score_lines, score_targets
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
    tables = (score_targets, score_lines)
    events = (ScoreTarget.Event,)

    def __init__(self) -> None:
        super().__init__()
        self.targets = self.buffer(score_targets, "target_id")
        self.lines = self.buffer(score_lines, "plan_id")

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
        self.lines.load(transaction, plans)
        for group, lines in groups.items():
            self._replace_lines(group, roll_up(lines))

    def _replace_lines(self, group: Group, lines: list[ScoreLine]) -> None:
        """Write the group's lines where they changed; drop lines no longer on the board."""
        plan, index, year = group
        kept = {line.code for line in lines}
        for old in self.lines.find(plan_id=plan, index_name=index, year=year):
            if old["code"] not in kept:
                self.lines.remove(plan, index, year, old["code"])
        for position, line in enumerate(lines):
            row = _line_row(group, position, line)
            if self.lines.get(plan, index, year, line.code) != row:
                self.lines.put(row)


def _group(row: dict[str, Any]) -> Group:
    return (row["plan_id"], row["index_name"], row["year"])


def _line_row(group: Group, position: int, line: ScoreLine) -> dict[str, Any]:
    plan, index, year = group
    return {
        "plan_id": plan,
        "index_name": index,
        "year": year,
        "code": line.code,
        "position": position,
        "name": line.name,
        "level": str(line.level),
        "max_points": _text(line.max_points),
        "last_year_points": _text(line.last_year_points),
        "target_kind": str(line.target_kind),
        "target_value": _text(line.target_value),
        "target_text": line.target_text,
        "result_kind": line.result_kind,
        "result_points": _text(line.result_points),
        "gap": _text(line.gap),
        "survey_based": line.survey_based,
        "not_evaluated": line.not_evaluated,
        "stated": line.stated,
    }


def _text(points: Decimal | None) -> str | None:
    return None if points is None else str(points)
