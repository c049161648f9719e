"""A task led by every department: each answers for its own part, and everything counts parts."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.domain.agency import AgencyKind
from planner.domain.agency_registry import DISTRICTS
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted, UnknownPart
from planner.queries.reminders import open_deadlines
from planner.reports.building import build_report
from planner.reports.periods import ReportPeriod
from tests.builders import add_task, bac_kan_plan, monitor, staff
from tests.conftest import vietnam_time


def self_inspection(planner: Planner) -> tuple[UUID, UUID]:
    """Bắc Kạn's plan and its quarterly self-inspection, given to every department at once."""
    plan = bac_kan_plan(planner)
    task = add_task(
        planner,
        plan,
        "PL2 II.1",
        "Tự kiểm tra công tác cải cách hành chính tại cơ quan, đơn vị",
        "Các sở, ban, ngành",
        "Quý III/2023",
    )
    return plan, task


def test_each_department_answers_for_its_own_part_of_a_task_they_all_lead(
    planner: Planner, clock: FixedClock
) -> None:
    plan, task = self_inspection(planner)
    lead = planner.views.task(task).lead
    assert len(lead) > 10 and {"STP", "STC", "SYT", "STTTT"} <= set(lead)

    clock.set(vietnam_time(date(2023, 8, 1)))
    planner.tasks.report_progress(task, None, staff(planner, "SYT"), percent=40)
    planner.tasks.complete(task, None, staff(planner, "STP"), note="Đã tự kiểm tra")
    planner.tasks.complete(task, None, staff(planner, "STC"), note="Đã tự kiểm tra")
    with pytest.raises(NotPermitted, match="STTTT chỉ cập nhật phần việc của mình"):
        planner.tasks.complete(task, None, staff(planner, "STTTT"), part="SYT")
    with pytest.raises(UnknownPart, match="hãy chọn phần của cơ quan nào"):
        planner.tasks.complete(task, None, monitor(planner))

    shown = planner.views.task(task).occurrences[0]
    parts = {p.agency: p.status for p in shown.parts}
    assert (parts["STP"], parts["STC"], parts["SYT"], parts["STTTT"]) == (
        "completed",
        "completed",
        "in_progress",
        "not_started",
    )
    assert shown.status == "in_progress"

    day = date(2023, 10, 2)
    rows = {r.agency: r for r in planner.views.progress(day, plan)}
    assert (rows["STP"].completed, rows["STP"].total, rows["STP"].overdue) == (1, 1, 0)
    assert (rows["SYT"].in_progress, rows["SYT"].overdue) == (1, 1)
    assert (rows["STTTT"].not_started, rows["STTTT"].overdue) == (1, 1)

    (late,) = planner.views.overdue(day, plan)
    assert (late.parts, len(late.parts_open)) == (len(lead), len(lead) - 2)
    assert "STP" not in late.responsible and "SYT" in late.responsible
    assert planner.views.count_overdue(day, plan) == 1
    assert [i.reference for i in planner.views.overdue(day, plan, "SYT")] == ["PL2 II.1"]
    assert planner.views.overdue(day, plan, "STP") == []

    with planner.views.engine.connect() as connection:
        (deadline,) = [d for d in open_deadlines(connection, 2023) if d.reference == "PL2 II.1"]
    assert "STP" not in deadline.responsible and "STTTT" in deadline.responsible

    clock.set(vietnam_time(date(2023, 10, 2)))
    planner.tasks.mark_not_applicable(
        task, (), ["STTTT", "SYT"], "Không có đơn vị trực thuộc phải kiểm tra", monitor(planner)
    )
    with pytest.raises(InvalidTransition, match="phần của STTTT đã được đánh dấu không áp dụng"):
        planner.tasks.start(task, None, staff(planner, "STTTT"))
    (late,) = planner.views.overdue(day, plan)
    assert (late.parts, len(late.parts_open)) == (len(lead) - 2, len(lead) - 4)
    rows = {r.agency: r for r in planner.views.progress(day, plan)}
    assert "STTTT" not in rows  # its only part does not apply: nothing to count

    report = build_report(planner, "365/KH-UBND", ReportPeriod.parse_quarter("2023Q4"), day)
    in_report = {a.agency: a.counts for a in report.progress.agencies}
    assert (in_report["STP"].completed, in_report["SXD"].overdue) == (1, 1)
    (overdue,) = report.overdue
    assert "Sở Tư pháp" not in overdue.lead and "Sở Xây dựng" in overdue.lead

    for code in set(lead) - {"STP", "STC", "STTTT", "SYT"}:
        planner.tasks.complete(task, None, staff(planner, code))
    assert planner.views.task(task).occurrences[0].status == "completed"
    assert planner.views.overdue(day, plan) == []


def test_sở_nội_vụ_gives_some_bodies_a_later_day_and_only_the_others_are_late(
    planner: Planner, clock: FixedClock
) -> None:
    plan, task = self_inspection(planner)
    lead = planner.views.task(task).lead
    clock.set(vietnam_time(date(2023, 10, 2)))
    planner.tasks.complete(task, None, staff(planner, "STP"), note="Đã tự kiểm tra")
    later = date(2023, 11, 15)
    with pytest.raises(InvalidTransition, match="phần của STP đã xong"):
        planner.tasks.extend_parts(task, (), ["STP"], later, "Chờ số liệu", monitor(planner))
    with pytest.raises(InvalidValue, match="phải sau thời hạn hiện tại"):
        planner.tasks.extend_parts(task, (), ["SYT"], date(2023, 9, 1), "Sớm", monitor(planner))
    with pytest.raises(NotPermitted):
        planner.tasks.extend_parts(task, (), ["SYT"], later, "Tự gia hạn", staff(planner, "SYT"))
    planner.tasks.extend_parts(
        task, (), ["SYT", "STTTT"], later, "Chờ hướng dẫn của Bộ ngành", monitor(planner)
    )

    day = date(2023, 10, 20)
    (late,) = planner.views.overdue(day, plan)
    assert late.due_on == date(2023, 9, 30)
    assert {"SYT", "STTTT", "STP"}.isdisjoint(late.responsible)
    assert len(late.parts_open) == len(lead) - 3
    assert planner.views.overdue(day, plan, "SYT") == []
    assert [i.reference for i in planner.views.overdue(day, plan, "STC")] == ["PL2 II.1"]
    rows = {r.agency: r for r in planner.views.progress(day, plan)}
    assert (rows["SYT"].overdue, rows["STC"].overdue) == (0, 1)
    with planner.views.engine.connect() as connection:
        deadlines = [d for d in open_deadlines(connection, 2023) if d.reference == "PL2 II.1"]
    by_day = {d.due_on: set(d.responsible) for d in deadlines}
    assert by_day[later] == {"SYT", "STTTT"}
    assert "SYT" not in by_day[date(2023, 9, 30)] and "STC" in by_day[date(2023, 9, 30)]

    after = date(2023, 11, 16)
    assert [i.reference for i in planner.views.overdue(after, plan, "SYT")] == ["PL2 II.1"]
    clock.set(vietnam_time(date(2023, 11, 10)))
    planner.tasks.complete(task, None, staff(planner, "SYT"), note="Đã tự kiểm tra")
    shown = {p.agency: p for p in planner.views.task(task).occurrences[0].parts}
    assert (shown["SYT"].due_on, shown["STC"].due_on) == (later, date(2023, 9, 30))


def test_a_district_created_later_leads_the_occurrences_still_to_come_of_work_given_to_all(
    planner: Planner, clock: FixedClock
) -> None:
    plan = bac_kan_plan(planner)
    quarterly = add_task(
        planner,
        plan,
        "PL2 IV.3",
        "Báo cáo kết quả cải cách hành chính hằng quý",
        "UBND cấp huyện",
        "Hằng quý",
    )
    named = add_task(
        planner, plan, "PL2 IV.4", "Rà soát thủ tục", "Sở Tư pháp; Sở Tài chính", "Hằng quý"
    )
    districts = set(planner.views.task(quarterly).lead)
    clock.set(vietnam_time(date(2023, 8, 15)))
    planner.agencies.register(
        "UBND_HMOI",
        "UBND huyện Mới",
        AgencyKind.DISTRICT,
        planner.system,
        groups=(DISTRICTS,),
    )

    task = planner.views.task(quarterly)
    assert set(task.lead) == districts | {"UBND_HMOI"}
    led = {o.occurrence: {p.agency for p in o.parts} for o in task.occurrences}
    due = {o.occurrence: o.due_on for o in task.occurrences}
    joined = {key for key, bodies in led.items() if "UBND_HMOI" in bodies}
    assert joined == {key for key, day in due.items() if day and day >= date(2023, 8, 15)}
    assert joined and len(joined) < len(led)  # the second quarter was due before it existed
    assert "UBND_HMOI" not in planner.views.task(named).lead
    rows = {r.agency: r for r in planner.views.progress(date(2023, 12, 31), plan)}
    assert rows["UBND_HMOI"].total == len(joined)

    planner.tasks.reassign(quarterly, ["Sở Nội vụ"], [], "Giao lại", monitor(planner))
    planner.agencies.register(
        "UBND_HMOI2", "UBND huyện Mới Hai", AgencyKind.DISTRICT, planner.system, groups=(DISTRICTS,)
    )
    assert "UBND_HMOI2" not in planner.views.task(quarterly).lead  # named one by one now
