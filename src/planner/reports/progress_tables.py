"""Progress per agency, overdue tasks and tasks completed in the period, as tables."""

from __future__ import annotations

from planner.domain.task_status import Status
from planner.presentation.vietnamese import format_date
from planner.reports.model import Change, Counts, ProgressReport
from planner.reports.periods import ReportPeriod
from planner.reports.tables import Column, Kind, Row, Style, Table, Value


def progress_table(report: ProgressReport) -> Table:
    section = report.progress
    previous = report.period.previous.label
    rows = [Row((a.agency_name, *_counts(a.counts), *_change(a.change))) for a in section.agencies]
    rows.append(
        Row(
            ("Toàn kế hoạch", *_counts(section.plan), *_change(section.plan_change)),
            (Style.TOTAL,),
        )
    )
    return Table(
        key="Tiến độ",
        title=f"Tiến độ thực hiện theo cơ quan chủ trì đến hết ngày {format_date(report.as_of)}",
        columns=(
            Column("Cơ quan chủ trì", width=40),
            Column("Tổng số", Kind.COUNT, 9),
            Column("Hoàn thành", Kind.COUNT, 11),
            Column("Đúng hạn", Kind.COUNT, 9),
            Column("Trễ hạn", Kind.COUNT, 9),
            Column("Đang thực hiện", Kind.COUNT, 11),
            Column("Chưa thực hiện", Kind.COUNT, 11),
            Column("Vướng mắc", Kind.COUNT, 10),
            Column("Quá hạn", Kind.COUNT, 9),
            Column("Tỷ lệ hoàn thành", Kind.RATE, 11),
            Column(f"Hoàn thành thêm so với {previous}", Kind.CHANGE, 14),
            Column(f"Tỷ lệ tăng so với {previous} (điểm %)", Kind.RATE_CHANGE, 14),
        ),
        rows=tuple(rows),
        notes=(
            "Mỗi kỳ của nhiệm vụ định kỳ tính là một nhiệm vụ; không tính nhiệm vụ đã hủy. "
            "Nhiệm vụ do nhiều cơ quan chủ trì được tính cho từng cơ quan; dòng Toàn kế hoạch "
            "tính mỗi nhiệm vụ một lần.",
            f"Thay đổi tính so với số liệu đến hết ngày {format_date(section.previous_on)} "
            f"(hết {previous}).",
        ),
    )


def overdue_table(report: ProgressReport) -> Table:
    return Table(
        key="Quá hạn",
        title=f"Nhiệm vụ quá hạn tại ngày {format_date(report.as_of)}",
        columns=(
            Column("STT", Kind.COUNT, 7),
            Column("Nhiệm vụ", width=11),
            Column("Nội dung", width=40),
            Column("Kỳ", width=11),
            Column("Hạn", Kind.DATE, 12),
            Column("Số ngày quá hạn", Kind.COUNT, 9),
            Column("Trạng thái", width=13),
            Column("Tiến độ (%)", Kind.COUNT, 8),
            Column("Cơ quan chủ trì", width=24),
        ),
        rows=tuple(
            Row(
                (
                    number,
                    t.reference,
                    t.text,
                    occurrence_label(t.occurrence),
                    t.due_on,
                    t.days_late,
                    Status(t.status).label,
                    t.percent,
                    "; ".join(t.lead),
                )
            )
            for number, t in enumerate(report.overdue, start=1)
        ),
    )


def completed_table(report: ProgressReport) -> Table:
    period = report.period
    last = min(report.as_of, period.ends_on)
    return Table(
        key="Hoàn thành",
        title=f"Nhiệm vụ hoàn thành trong {period.label.lower()} "
        f"(từ {format_date(period.starts_on)} đến {format_date(last)})",
        columns=(
            Column("STT", Kind.COUNT, 7),
            Column("Nhiệm vụ", width=11),
            Column("Nội dung", width=40),
            Column("Kỳ", width=11),
            Column("Hạn", Kind.DATE, 12),
            Column("Ngày hoàn thành", Kind.DATE, 12),
            Column("Đúng hạn", width=9),
            Column("Cơ quan chủ trì", width=24),
        ),
        rows=tuple(
            Row(
                (
                    number,
                    t.reference,
                    t.text,
                    occurrence_label(t.occurrence),
                    t.due_on,
                    t.completed_on,
                    "Đúng hạn" if t.on_time else "Trễ hạn",
                    "; ".join(t.lead),
                )
            )
            for number, t in enumerate(report.completed, start=1)
        ),
    )


def occurrence_label(key: str) -> str:
    """2023-Q3 → Quý III/2023, 2023 → Năm 2023, 2023-07 → Tháng 07/2023."""
    year, _, rest = key.partition("-")
    if not key or not year.isdigit():
        return key
    if not rest:
        return f"Năm {year}"
    if rest.startswith("Q") and rest[1:].isdigit():
        return ReportPeriod(int(year), int(rest[1:])).label
    return f"Tháng {rest}/{year}"


def _counts(counts: Counts) -> tuple[Value, ...]:
    return (
        counts.total,
        counts.completed,
        counts.completed_on_time,
        counts.completed_late,
        counts.in_progress,
        counts.not_started,
        counts.blocked,
        counts.overdue,
        counts.percent_complete,
    )


def _change(change: Change | None) -> tuple[Value, ...]:
    if change is None:
        return (None, None)
    return (change.completed, change.percent_points)
