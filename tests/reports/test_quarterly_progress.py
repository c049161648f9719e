"""Each quarter Sở Nội vụ reports who has done what, what changed, and what is late."""

from datetime import date, datetime
from decimal import Decimal

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.demo.loader import load_demo
from planner.reports.building import build_report
from planner.reports.delivery import ReportFormat, render
from planner.reports.model import Change, TaskState
from planner.reports.periods import ReportPeriod
from tests.builders import add_task, bac_kan_plan, staff
from tests.conftest import vietnam_time
from tests.reports.reading import table_rows

PLAN = "365/KH-UBND"


def test_third_quarter_progress_per_agency_with_the_change_since_the_second(
    planner: Planner, clock: FixedClock
) -> None:
    load_demo(planner, clock)
    clock.set(vietnam_time(date(2023, 11, 25)))

    report = build_report(planner, PLAN, ReportPeriod.parse_quarter("2023Q3"))

    assert report.as_of == date(2023, 9, 30)  # a past quarter is reported as of its last day
    whole = report.progress.plan
    assert (whole.total, whole.completed, whole.completed_on_time, whole.completed_late) == (
        16,
        4,
        2,
        2,
    )
    assert (whole.in_progress, whole.not_started, whole.blocked, whole.overdue) == (5, 6, 1, 0)
    assert whole.percent_complete == Decimal("25.0")
    assert report.progress.plan_change == Change(
        completed=2, overdue=0, percent_points=Decimal("12.5")
    )
    assert report.progress.previous_on == date(2023, 6, 30)
    agencies = {a.agency: a for a in report.progress.agencies}
    office = agencies["VPUBND"]
    assert (office.counts.total, office.counts.completed, office.counts.in_progress) == (7, 2, 2)
    assert office.change == Change(completed=1, overdue=0, percent_points=Decimal("14.3"))
    assert [(t.reference, t.occurrence, t.completed_on, t.on_time) for t in report.completed] == [
        ("PL2 I.1b", "2023-Q3", date(2023, 9, 11), True),
        ("PL2 I.1", "2023-Q3", date(2023, 9, 15), False),
    ]
    assert report.overdue == ()


def test_points_at_risk_are_the_max_points_of_criteria_whose_tasks_are_late_or_blocked(
    planner: Planner, clock: FixedClock
) -> None:
    load_demo(planner, clock)
    clock.set(vietnam_time(date(2023, 11, 25)))

    report = build_report(planner, PLAN, ReportPeriod.of_year(2023))

    assert [(t.reference, t.days_late, t.lead) for t in report.overdue] == [
        ("PL2 III.2", 56, ("Văn phòng UBND tỉnh",))
    ]
    par = report.scores[0]
    lines = {line.code: line for line in par.lines}
    assert lines["3.2.1"].at_risk and lines["3.2.1"].task_state is TaskState.OVERDUE
    assert lines["7.1.2"].at_risk and lines["7.1.2"].task_state is TaskState.BLOCKED
    assert lines["3"].task_state is TaskState.OVERDUE and not lines["3"].at_risk
    assert lines["6.1.1"].task_state is TaskState.ON_TRACK
    assert par.points_at_risk == Decimal("1.5")  # 3.2.1 (0,5) and 7.1.2 (1)

    rows = table_rows(render(report, ReportFormat.XLSX).content, "PAR_INDEX 2023")
    assert rows["3.2.1"][8:] == ("Có nhiệm vụ quá hạn (1)", "Văn phòng UBND tỉnh")
    overdue = table_rows(render(report, ReportFormat.XLSX).content, "Quá hạn")
    assert overdue["1"][1:] == (
        "PL2 III.2",
        "Theo dõi, đôn đốc các sở, ngành công bố, công khai TTHC, danh mục TTHC kịp thời, "
        "đúng quy định",
        None,  # a one-off task has no occurrence to name
        datetime(2023, 9, 30),
        56,
        "Chưa thực hiện",
        0,
        "Văn phòng UBND tỉnh",
    )


def test_work_of_a_merged_department_counts_for_its_successor_in_both_quarters(
    planner: Planner, clock: FixedClock
) -> None:
    plan = bac_kan_plan(planner)
    investment = add_task(
        planner, plan, "PL2 VI.1", "Đẩy nhanh giải ngân", "Sở Kế hoạch và Đầu tư", "Năm 2023"
    )
    finance = add_task(
        planner, plan, "PL2 VI.2", "Thực hiện kiến nghị sau kiểm toán", "Sở Tài chính", "Năm 2023"
    )
    clock.set(vietnam_time(date(2023, 6, 20)))
    planner.tasks.complete(investment, None, staff(planner, "SKHDT"))
    clock.set(vietnam_time(date(2023, 8, 1)))
    planner.agencies.merge("SKHDT", "STC", date(2023, 8, 1), "Sáp nhập", planner.system)
    clock.set(vietnam_time(date(2023, 9, 20)))
    planner.tasks.complete(finance, None, staff(planner, "STC"))
    clock.set(vietnam_time(date(2023, 10, 5)))

    report = build_report(planner, PLAN, ReportPeriod.parse_quarter("2023Q3"))

    (finance_department,) = report.progress.agencies
    assert finance_department.agency == "STC"
    assert (finance_department.counts.total, finance_department.counts.completed) == (2, 2)
    assert finance_department.change == Change(
        completed=1, overdue=0, percent_points=Decimal("50.0")
    )


def test_the_change_in_completion_rate_is_taken_from_exact_rates_and_rounded_once(
    planner: Planner, clock: FixedClock
) -> None:
    plan = bac_kan_plan(planner)
    tasks = [
        add_task(planner, plan, f"PL2 VI.{n}", f"Nhiệm vụ số {n}", "Sở Tài chính", "Năm 2023")
        for n in range(1, 7)
    ]
    clock.set(vietnam_time(date(2023, 6, 20)))
    planner.tasks.complete(tasks[0], None, staff(planner, "STC"))
    clock.set(vietnam_time(date(2023, 9, 20)))
    planner.tasks.complete(tasks[1], None, staff(planner, "STC"))
    clock.set(vietnam_time(date(2023, 10, 5)))

    report = build_report(planner, PLAN, ReportPeriod.parse_quarter("2023Q3"))

    # 1/6 (16,67%) to 2/6 (33,33%) is 16,67 points, not 33,3 − 16,7 = 16,6.
    (finance,) = report.progress.agencies
    assert finance.change == Change(completed=1, overdue=0, percent_points=Decimal("16.7"))
    assert report.progress.plan_change == finance.change
    csv = render(report, ReportFormat.CSV).content.decode("utf-8-sig")
    assert "+16,7" in csv and "+16,6" not in csv
