"""An agency reports on its tasks and Sở Nội vụ sees it at once, in every view."""

from datetime import date
from decimal import Decimal

import pytest

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.domain.errors import InvalidTransition, NotPermitted
from planner.domain.evidence import Evidence
from tests.builders import add_task, bac_kan_plan, monitor, staff
from tests.conftest import vietnam_time


def test_an_agency_reports_progress_and_the_views_show_it(
    planner: Planner, clock: FixedClock
) -> None:
    plan = bac_kan_plan(planner)
    task = add_task(
        planner,
        plan,
        "PL2 II.4",
        "Tăng cường công tác theo dõi thi hành văn bản QPPL",
        lead="Sở Tư pháp",
        coordinating="Các sở, ban, ngành",
        timeframe="Năm 2023",
        criterion="2.4.4",
    )
    stp = staff(planner, "STP")
    clock.set(vietnam_time(date(2023, 7, 3)))
    planner.tasks.start(task, None, stp)
    planner.tasks.report_progress(task, None, stp, percent=70, note="Đã kiểm tra 12 văn bản")

    shown = planner.views.task(task)
    assert shown.occurrences[0].status == "in_progress"
    assert shown.occurrences[0].percent == 70
    assert shown.occurrences[0].last_note == "Đã kiểm tra 12 văn bản"
    (row,) = [p for p in planner.views.progress(date(2023, 7, 3)) if p.agency == "STP"]
    assert (row.total, row.in_progress, row.completed) == (1, 1, 0)

    clock.set(vietnam_time(date(2023, 12, 20)))
    proof = Evidence.of("Báo cáo theo dõi thi hành pháp luật", link="https://stp.example.vn/bc.pdf")
    planner.tasks.complete(task, None, stp, note="Đã ban hành báo cáo", evidence=(proof,))
    shown = planner.views.task(task)
    assert shown.occurrences[0].status == "completed"
    assert shown.occurrences[0].completed_on == date(2023, 12, 20)
    assert shown.occurrences[0].evidence_count == 1
    (row,) = [p for p in planner.views.progress(date(2024, 1, 5)) if p.agency == "STP"]
    assert (row.completed, row.completed_on_time, row.percent_complete) == (1, 1, Decimal("100.0"))
    events = [e.event for e in planner.views.history(task)]
    assert events == ["Added", "Started", "ProgressReported", "Completed"]


def test_another_agency_can_neither_change_the_task_nor_leave_a_trace(planner: Planner) -> None:
    plan = bac_kan_plan(planner)
    task = add_task(
        planner, plan, "PL2 III.1", "Kiểm soát TTHC", "Văn phòng UBND tỉnh", "Quý III-IV/2023"
    )
    with pytest.raises(NotPermitted, match="STC không chủ trì"):
        planner.tasks.start(task, None, staff(planner, "STC"))
    assert [e.event for e in planner.views.history(task)] == ["Added"]
    assert planner.views.task(task).occurrences[0].status == "not_started"


def test_a_refused_change_stores_nothing(planner: Planner) -> None:
    plan = bac_kan_plan(planner)
    task = add_task(
        planner, plan, "PL2 III.1", "Kiểm soát TTHC", "Văn phòng UBND tỉnh", "Quý III-IV/2023"
    )
    vp = staff(planner, "VPUBND")
    planner.tasks.complete(task, None, vp)
    position = planner.store.position
    with pytest.raises(InvalidTransition):
        planner.tasks.start(task, None, vp)
    assert planner.store.position == position


def test_sở_nội_vụ_cancels_reassigns_and_moves_deadlines(planner: Planner) -> None:
    plan = bac_kan_plan(planner)
    task = add_task(
        planner,
        plan,
        "PL2 VI.1",
        "Đẩy nhanh tiến độ giải ngân",
        "Sở Kế hoạch và Đầu tư",
        "Năm 2023",
    )
    snv = monitor(planner)
    planner.tasks.change_deadline(task, None, date(2024, 1, 31), "Chờ số liệu cả năm", snv)
    planner.tasks.reassign(task, ["Sở Tài chính"], ["Sở Kế hoạch và Đầu tư"], "Phân công lại", snv)
    shown = planner.views.task(task)
    assert shown.occurrences[0].due_on == date(2024, 1, 31)
    assert (shown.lead, shown.coordinating) == (["STC"], ["SKHDT"])
    assert [p.agency for p in planner.views.progress(date(2023, 7, 1))] == ["STC"]
    planner.tasks.start(task, None, staff(planner, "STC"))
    with pytest.raises(NotPermitted):
        planner.tasks.start(task, None, staff(planner, "SKHDT"))
