"""Đối chiếu với mục tiêu kế hoạch, as a table of the scoring report."""

from __future__ import annotations

from collections.abc import Sequence

from planner.reports.against_plan import TargetCheck, UnitAgainstPlan
from planner.reports.model import TaskState
from planner.reports.tables import Column, Kind, Row, Style, Table

# How one task stands (TaskState's own labels speak of a criterion's tasks together).
TASK_LABELS = {
    TaskState.OVERDUE: "quá hạn",
    TaskState.BLOCKED: "vướng mắc",
    TaskState.ON_TRACK: "đúng tiến độ",
    TaskState.COMPLETED: "đã hoàn thành",
}


def against_plan_table(units: Sequence[UnitAgainstPlan]) -> Table:
    rows = tuple(
        Row(
            (
                unit.unit_name,
                unit.plan_number,
                check.code or "Tổng",
                check.name,
                check.target,
                check.achieved,
                check.kind.label if check.kind else None,
                verdict(check),
                check.difference,
                tasks_text(check),
            ),
            (Style.AT_RISK,) if check.met is False else (),
        )
        for unit in units
        for check in unit.checks
    )
    return Table(
        key="doi-chieu",
        title="Đối chiếu với mục tiêu kế hoạch",
        columns=(
            Column("Đơn vị", Kind.TEXT, 24),
            Column("Kế hoạch", Kind.TEXT, 12),
            Column("Mã", Kind.TEXT, 7),
            Column("Tiêu chí", Kind.TEXT, 30),
            Column("Mục tiêu", Kind.POINTS, 9),
            Column("Đạt được", Kind.POINTS, 9),
            Column("Loại kết quả", Kind.TEXT, 11),
            Column("Đánh giá", Kind.TEXT, 10),
            Column("Chênh lệch", Kind.POINTS, 9),
            Column("Nhiệm vụ thực hiện", Kind.TEXT, 44),
        ),
        rows=rows,
        notes=(
            "Kế hoạch của từng sở, ngành, UBND cấp huyện đặt mục tiêu theo tiêu chí; điểm đạt "
            "được là điểm thẩm định (đã chốt: kết quả công bố), chưa thẩm định thì là điểm tự "
            "đánh giá đã nộp. Chênh lệch âm: còn thiếu so với mục tiêu.",
            "Kế hoạch của UBND tỉnh không đối chiếu ở đây: Chỉ số CCHC của tỉnh do Bộ Nội vụ "
            "đánh giá.",
        )
        if rows
        else ("Chưa có đơn vị nào của đợt chấm điểm có kế hoạch đặt mục tiêu theo tiêu chí.",),
    )


def verdict(check: TargetCheck) -> str:
    if check.met is None:
        return "Chưa có kết quả"
    return "Đạt" if check.met else "Chưa đạt"


def tasks_text(check: TargetCheck) -> str:
    """ "1. Báo cáo định kỳ (Đúng tiến độ); 2. ..." in the plan's order."""
    return "; ".join(
        f"{task.reference}. {task.text}" + (f" ({TASK_LABELS[task.state]})" if task.state else "")
        if task.reference
        else task.text
        for task in check.tasks
    )
