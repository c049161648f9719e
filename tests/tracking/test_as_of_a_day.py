""" "As of a day" has two exact readings, named, and every door gives the same numbers for each:
theo số liệu hiện nay (what took effect by that day, however late it was recorded) and theo số
liệu đã ghi nhận đến ngày đó (only what had been recorded by the end of that day)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from planner.application.clock import FixedClock
from planner.application.errors import NotFound
from planner.application.planner import Planner
from planner.demo.loader import load_demo
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted
from planner.queries.basis import Basis
from planner.reports.as_of import Replay
from planner.reports.building import build_report
from planner.reports.periods import ReportPeriod
from planner.reports.titles import data_date
from tests.builders import monitor, staff
from tests.conftest import vietnam_time
from tests.importing.documents import BAC_KAN, seed
from tests.importing.test_storing_documents import read, store

PLAN = "365/KH-UBND"
DAY = date(2023, 11, 25)


def demo_with_late_news(planner: Planner, clock: FixedClock) -> dict[str, UUID]:
    """The demo year, then news of 24/11 that Văn phòng UBND tỉnh records on 28/11."""
    load_demo(planner, clock)
    tasks = {t.reference: t.task_id for t in planner.views.tasks()}
    clock.set(vietnam_time(date(2023, 11, 28)))
    planner.tasks.complete(
        tasks["PL2 III.2"],
        None,
        staff(planner, "VPUBND"),
        note="Quyết định công bố TTHC đã ký",
        effective_on=date(2023, 11, 24),
        because="Quyết định ký ngày 24/11, văn thư chuyển muộn",
    )
    planner.tasks.report_progress(tasks["PL2 III.1"], None, staff(planner, "VPUBND"), percent=80)
    clock.set(vietnam_time(date(2024, 1, 10)))
    return tasks


def test_the_dashboard_the_command_line_and_the_report_agree_on_a_day_in_each_reading(
    planner: Planner, clock: FixedClock
) -> None:
    demo_with_late_news(planner, clock)
    plan = planner.views.plan(PLAN).plan_id
    office_late: dict[Basis, tuple[int, int]] = {}
    for basis in Basis:
        rows = planner.views.progress(DAY, plan, basis)
        late = planner.views.overdue(DAY, plan, basis=basis)
        report = build_report(planner, PLAN, ReportPeriod(2023), DAY, basis=basis)

        office = next(r for r in rows if r.agency == "VPUBND")
        in_report = next(a for a in report.progress.agencies if a.agency == "VPUBND").counts
        assert (office.completed, office.overdue, office.in_progress) == (
            in_report.completed,
            in_report.overdue,
            in_report.in_progress,
        )
        assert [i.reference for i in late] == [t.reference for t in report.overdue]
        assert planner.views.count_overdue(DAY, plan, basis=basis) == len(late)
        assert basis.label(DAY) in data_date(report)
        office_late[basis] = (office.completed, office.overdue)

    # Recorded on 28/11, the completion of 24/11 counts as of 25/11 only in the current reading.
    assert office_late[Basis.CURRENT] == (office_late[Basis.RECORDED][0] + 1, 0)
    assert office_late[Basis.RECORDED][1] == 1


def test_the_reading_as_recorded_equals_the_views_rebuilt_from_the_events_of_those_days(
    planner: Planner, clock: FixedClock
) -> None:
    demo_with_late_news(planner, clock)
    days = [date(2023, 6, 12), date(2023, 9, 30), date(2023, 11, 24), DAY, date(2023, 12, 31)]
    with Replay(planner.store) as replay:
        for day in days:
            rebuilt = replay.views_at_end_of(day)
            assert planner.views.progress(day, basis=Basis.RECORDED) == rebuilt.progress(day)
            assert planner.views.overdue(day, basis=Basis.RECORDED) == rebuilt.overdue(day)


def test_a_plan_imported_today_reports_for_its_past_quarters(
    planner: Planner, clock: FixedClock
) -> None:
    clock.set(vietnam_time(date(2026, 12, 4)))
    store(planner, read(planner, seed(BAC_KAN)))

    third = build_report(planner, PLAN, ReportPeriod.parse_quarter("2023Q3"))

    assert third.as_of == date(2023, 9, 30)
    assert third.progress.plan.total > 100
    assert third.progress.plan.overdue > 0  # tasks due in Q3 2023, nothing reported yet
    with pytest.raises(NotFound, match="chưa được đăng ký vào ngày 30/09/2023"):
        build_report(planner, PLAN, ReportPeriod.parse_quarter("2023Q3"), basis=Basis.RECORDED)


def test_a_backdated_completion_is_on_time_and_shows_both_days(
    planner: Planner, clock: FixedClock
) -> None:
    tasks = demo_with_late_news(planner, clock)
    office = staff(planner, "STP")
    clock.set(vietnam_time(date(2023, 12, 20)))  # II.4 is due 31/12/2023 ("Năm 2023")
    planner.tasks.complete(
        tasks["PL2 II.4"],
        None,
        office,
        effective_on=date(2023, 12, 15),
        because="Hoàn thành 15/12, nay mới cập nhật",
    )
    clock.set(vietnam_time(date(2024, 2, 1)))

    done = planner.views.task(tasks["PL2 II.4"]).occurrences[0]
    assert (done.status, done.completed_on) == ("completed", date(2023, 12, 15))
    entry = planner.views.history(tasks["PL2 II.4"])[-1]
    assert entry.details["effective_on"] == "2023-12-15"
    assert entry.details["backdated_because"] == "Hoàn thành 15/12, nay mới cập nhật"
    assert entry.at == vietnam_time(date(2023, 12, 20))
    plan = planner.views.plan(PLAN).plan_id
    on_the_16th = {
        basis: next(
            r for r in planner.views.progress(date(2023, 12, 16), plan, basis) if r.agency == "STP"
        ).completed
        for basis in Basis
    }
    assert on_the_16th[Basis.CURRENT] == on_the_16th[Basis.RECORDED] + 1


def test_backdating_has_a_reason_and_limits(planner: Planner, clock: FixedClock) -> None:
    tasks = demo_with_late_news(planner, clock)
    office = staff(planner, "VPUBND")
    task = tasks["PL2 I.3"]
    with pytest.raises(InvalidValue, match="ghi nhận lùi về ngày 05/01/2024 cần nêu lý do"):
        planner.tasks.complete(task, None, office, effective_on=date(2024, 1, 5))
    with pytest.raises(NotPermitted, match="chỉ được ghi nhận lùi tối đa 10 ngày"):
        planner.tasks.complete(task, None, office, effective_on=date(2023, 12, 20), because="x")
    with pytest.raises(InvalidValue, match="ngày hiệu lực 11/01/2024 chưa tới"):
        planner.tasks.complete(task, None, office, effective_on=date(2024, 1, 11), because="x")
    with pytest.raises(InvalidValue, match="đã có thay đổi hiệu lực từ ngày 28/11/2023"):
        planner.tasks.complete(
            tasks["PL2 III.1"], None, monitor(planner), effective_on=date(2023, 11, 27), because="x"
        )
    assert planner.views.task(task).occurrences[0].status == "in_progress"  # nothing recorded

    planner.tasks.complete(
        task, None, monitor(planner), effective_on=date(2023, 12, 1), because="Theo báo cáo giấy"
    )
    assert planner.views.task(task).occurrences[0].completed_on == date(2023, 12, 1)


def test_an_approved_extension_moves_the_reminders_but_not_the_on_time_count(
    planner: Planner, clock: FixedClock
) -> None:
    tasks = demo_with_late_news(planner, clock)
    clock.set(vietnam_time(date(2023, 12, 10)))
    office, snv = staff(planner, "STP"), monitor(planner)
    task = tasks["PL2 II.4"]  # due 31/12/2023
    planner.tasks.request_extension(task, None, date(2024, 1, 31), "Chờ số liệu các huyện", office)
    with pytest.raises(InvalidTransition, match="đang chờ Sở Nội vụ quyết định"):
        planner.tasks.request_extension(task, None, date(2024, 2, 15), "Thêm", office)
    asked = planner.views.task(task).occurrences[0]
    assert (asked.due_on, asked.requested_to) == (date(2023, 12, 31), date(2024, 1, 31))

    planner.tasks.decide_extension(task, None, True, "Đồng ý", snv)
    granted = planner.views.task(task).occurrences[0]
    assert (granted.due_on, granted.deadline_on, granted.requested_to) == (
        date(2024, 1, 31),
        date(2023, 12, 31),
        None,
    )
    plan = planner.views.plan(PLAN).plan_id
    assert "PL2 II.4" not in {i.reference for i in planner.views.overdue(date(2024, 1, 10), plan)}
    soon = planner.views.upcoming(date(2024, 1, 20), 14, plan)
    assert any(i.reference == "PL2 II.4" and i.due_on == date(2024, 1, 31) for i in soon)

    clock.set(vietnam_time(date(2024, 1, 20)))
    planner.tasks.complete(task, None, office)
    office_row = next(
        r for r in planner.views.progress(date(2024, 1, 20), plan) if r.agency == "STP"
    )
    done = planner.views.task(task).occurrences[0]
    assert (done.status, done.completed_on, done.deadline_on) == (
        "completed",
        date(2024, 1, 20),
        date(2023, 12, 31),
    )
    late_but_allowed = office_row.completed - office_row.completed_on_time
    assert late_but_allowed >= 1
