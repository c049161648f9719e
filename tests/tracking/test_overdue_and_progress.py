"""Sở Nội vụ watches what is overdue on a given day and how far each agency has come."""

from datetime import date
from decimal import Decimal

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from tests.builders import add_task, bac_kan_plan, ha_nam_plan, monitor, staff
from tests.conftest import vietnam_time


def test_overdue_is_derived_from_the_schedule_and_the_day_asked(
    planner: Planner, clock: FixedClock
) -> None:
    plan = bac_kan_plan(planner)
    quarterly = add_task(
        planner,
        plan,
        "PL2 I.1",
        "Đôn đốc thực hiện chế độ báo cáo",
        "Sở Nội vụ",
        "Trước ngày 12 tháng cuối quý và ngày 12/12/2023",
    )
    third_quarter = add_task(
        planner, plan, "PL2 III.2", "Công bố TTHC", "Văn phòng UBND tỉnh", "Quý III/2023"
    )
    add_task(planner, plan, "PL2 I.2", "Đôn đốc tìm sáng kiến", "Sở Nội vụ", "Thường xuyên")
    add_task(
        planner,
        plan,
        "PL2 VII.1",
        "Kết nối điện toán đám mây",
        "Sở Thông tin và Truyền thông",
        "Khi có văn bản chỉ đạo, hướng dẫn của Bộ Thông tin và Truyền thông",
    )
    snv = staff(planner, "SNV")
    clock.set(vietnam_time(date(2023, 6, 12)))
    planner.tasks.complete(quarterly, "2023-Q2", snv)

    assert planner.views.overdue(date(2023, 9, 12)) == []  # due today is not yet late
    late = planner.views.overdue(date(2023, 11, 25))
    assert [(i.reference, i.occurrence, i.due_on, i.days_late) for i in late] == [
        ("PL2 I.1", "2023-Q3", date(2023, 9, 12), 74),
        ("PL2 III.2", "", date(2023, 9, 30), 56),
    ]
    assert late[1].responsible == ["VPUBND"]
    assert [i.reference for i in planner.views.overdue(date(2023, 11, 25), agency="VPUBND")] == [
        "PL2 III.2"
    ]

    clock.set(vietnam_time(date(2023, 11, 26)))
    planner.tasks.complete(third_quarter, None, staff(planner, "VPUBND"))
    assert [i.reference for i in planner.views.overdue(date(2023, 11, 27))] == ["PL2 I.1"]


def test_progress_counts_each_occurrence_an_agency_leads(
    planner: Planner, clock: FixedClock
) -> None:
    plan = bac_kan_plan(planner)
    quarterly = add_task(
        planner,
        plan,
        "PL2 I.1",
        "Đôn đốc thực hiện chế độ báo cáo",
        "Sở Nội vụ",
        "Trước ngày 12 tháng cuối quý và ngày 12/12/2023",
    )
    yearly = add_task(planner, plan, "PL2 IV.1", "Rà soát cơ cấu lãnh đạo", "Sở Nội vụ", "Năm 2023")
    blocked = add_task(
        planner, plan, "PL2 IV.2", "Sắp xếp đơn vị sự nghiệp", "Sở Nội vụ", "Quý III-IV/2023"
    )
    snv = staff(planner, "SNV")
    clock.set(vietnam_time(date(2023, 6, 12)))
    planner.tasks.complete(quarterly, "2023-Q2", snv)
    clock.set(vietnam_time(date(2023, 9, 15)))
    planner.tasks.complete(quarterly, "2023-Q3", snv)  # three days late
    planner.tasks.start(yearly, None, snv)
    planner.tasks.block(blocked, None, "Chờ đề án của UBND tỉnh", snv)
    planner.tasks.cancel(quarterly, "2023-Q4", "Gộp vào báo cáo năm", monitor(planner))

    (row,) = planner.views.progress(date(2023, 12, 31), plan)
    assert (
        row.agency == "SNV" and row.agency_name == "Sở Nội vụ" and row.plan_number == "365/KH-UBND"
    )
    assert (row.total, row.completed, row.completed_on_time, row.in_progress) == (4, 2, 1, 1)
    assert (row.blocked, row.not_started, row.cancelled) == (1, 0, 1)
    assert row.overdue == 0  # 31/12 is the last day of both windows
    assert row.percent_complete == Decimal("50.0")
    (later,) = planner.views.progress(date(2024, 1, 2), plan)
    assert later.overdue == 2


def test_the_country_s_overdue_list_starts_with_the_most_overdue_plan_by_plan(
    planner: Planner,
) -> None:
    bac_kan = bac_kan_plan(planner)
    ha_nam = ha_nam_plan(planner, 2023)
    for plan in (bac_kan, ha_nam):
        add_task(planner, plan, "3", "Ban hành kế hoạch CCHC", "Sở Nội vụ", "Trước ngày 20/6/2023")
        add_task(planner, plan, "12", "Tự đánh giá, chấm điểm", "Sở Nội vụ", "Tháng 9/2023")
    add_task(planner, ha_nam, "1", "Rà soát TTHC", "Sở Tư pháp", "Trước ngày 20/6/2023")

    late = planner.views.overdue(date(2023, 11, 25))

    assert [(i.plan_number, i.reference, i.days_late) for i in late] == [
        ("1800/KH-UBND", "1", 158),
        ("1800/KH-UBND", "3", 158),
        ("365/KH-UBND", "3", 158),
        ("1800/KH-UBND", "12", 56),
        ("365/KH-UBND", "12", 56),
    ]
    first_page = planner.views.overdue(date(2023, 11, 25), limit=2)
    assert [(i.plan_number, i.reference) for i in first_page] == [
        ("1800/KH-UBND", "1"),
        ("1800/KH-UBND", "3"),
    ]
    assert planner.views.count_overdue(date(2023, 11, 25)) == 5
