"""Any report can be produced as of a past day: as recorded then, exactly as it was generated
that day; as it stands now, with what took effect by that day however late it was recorded."""

from datetime import date
from decimal import Decimal

import pytest

from planner.application.clock import FixedClock
from planner.application.errors import NotFound
from planner.application.planner import Planner
from planner.demo.loader import load_demo
from planner.domain.agency import AgencyKind
from planner.domain.agency_registry import DEPARTMENTS
from planner.domain.errors import InvalidValue
from planner.domain.identity import target_id
from planner.domain.score_target import ResultKind
from planner.queries.basis import Basis
from planner.reports.as_of import Replay
from planner.reports.building import build_report
from planner.reports.compose import compose_report
from planner.reports.delivery import ReportFormat, render_report
from planner.reports.periods import ReportPeriod
from planner.reports.snapshot import Snapshot, aggregates_of, read_snapshot
from tests.builders import monitor, staff
from tests.conftest import vietnam_time
from tests.reports.reading import workbook_sheets

PLAN = "365/KH-UBND"
YEAR = ReportPeriod(2023)


def test_the_report_generated_on_a_day_equals_the_report_as_of_that_day_generated_later(
    planner: Planner, clock: FixedClock
) -> None:
    load_demo(planner, clock)
    clock.set(vietnam_time(date(2023, 11, 25), 16))
    on_the_day = {
        fmt: render_report(planner, PLAN, YEAR, fmt, basis=Basis.RECORDED) for fmt in ReportFormat
    }

    clock.set(vietnam_time(date(2023, 11, 28)))
    late = next(t for t in planner.views.tasks() if t.reference == "PL2 III.2")
    planner.tasks.complete(late.task_id, None, staff(planner, "VPUBND"))
    clock.set(vietnam_time(date(2024, 2, 20)))
    plan = planner.views.plan(PLAN).plan_id
    planner.targets.record_result(
        target_id(plan, "PAPI", "", 2023), ResultKind.OFFICIAL, Decimal("43.95"), planner.system
    )
    later = {
        fmt: render_report(planner, PLAN, YEAR, fmt, as_of=date(2023, 11, 25), basis=Basis.RECORDED)
        for fmt in ReportFormat
    }

    assert later[ReportFormat.HTML].report == on_the_day[ReportFormat.HTML].report
    for fmt in (ReportFormat.HTML, ReportFormat.CSV):
        assert later[fmt].content == on_the_day[fmt].content
    assert workbook_sheets(later[ReportFormat.XLSX].content) == workbook_sheets(
        on_the_day[ReportFormat.XLSX].content
    )
    assert (
        later[ReportFormat.CSV].filename
        == "bao-cao-2023-365-KH-UBND-den-25-11-2023-da-ghi-nhan.csv"
    )

    today = build_report(planner, PLAN, YEAR, date(2024, 2, 20))
    assert "PL2 III.2" not in {t.reference for t in today.overdue}
    assert today.scores[-1].total and today.scores[-1].total.result_points == Decimal("43.95")


def test_a_day_ends_at_midnight_in_vietnam_not_in_utc(planner: Planner, clock: FixedClock) -> None:
    load_demo(planner, clock)
    tasks = {t.reference: t.task_id for t in planner.views.tasks()}
    office = staff(planner, "VPUBND")
    clock.set(vietnam_time(date(2023, 11, 25), 23))  # 16:00 UTC on the 25th
    planner.tasks.report_progress(tasks["PL2 III.1"], None, office, percent=90)
    clock.set(vietnam_time(date(2023, 11, 26), 1))  # 18:00 UTC, still the 25th in UTC
    planner.tasks.complete(tasks["PL2 III.2"], None, office)
    clock.set(vietnam_time(date(2023, 12, 1)))

    report = build_report(planner, PLAN, YEAR, date(2023, 11, 25), basis=Basis.RECORDED)

    assert [t.reference for t in report.overdue] == ["PL2 III.2"]
    office_row = next(a for a in report.progress.agencies if a.agency == "VPUBND")
    assert office_row.counts.in_progress == 2  # I.3, and III.1 at 90 % as reported at 23:00
    then = planner.views.tasks_on(date(2023, 11, 25), report.plan.plan_id, Basis.RECORDED)
    assert next(t for t in then if t.reference == "PL2 III.1").occurrences[0].percent == 90


def test_a_report_cannot_be_made_before_its_period_starts_nor_for_a_day_to_come(
    planner: Planner, clock: FixedClock
) -> None:
    load_demo(planner, clock)
    clock.set(vietnam_time(date(2023, 11, 25)))
    quarter = ReportPeriod.parse_quarter("2023Q4")
    with pytest.raises(InvalidValue, match=r"ngày 30/09/2023 trước khi Quý IV/2023 bắt đầu"):
        build_report(planner, PLAN, quarter, date(2023, 9, 30))
    with pytest.raises(InvalidValue, match=r"ngày 26/11/2023 chưa tới \(hôm nay là 25/11/2023\)"):
        build_report(planner, PLAN, quarter, date(2023, 11, 26))
    with pytest.raises(
        NotFound,
        match=r"kế hoạch 365/KH-UBND chưa có hiệu lực vào ngày 31/03/2023 \(ban hành ngày 08/06",
    ):
        build_report(planner, PLAN, ReportPeriod.parse_quarter("2023Q1"))
    with pytest.raises(
        NotFound, match="kế hoạch 365/KH-UBND chưa được đăng ký vào ngày 31/03/2023"
    ):
        build_report(planner, PLAN, ReportPeriod.parse_quarter("2023Q1"), basis=Basis.RECORDED)
    with pytest.raises(NotFound, match="không có kế hoạch số '999/KH-UBND'"):
        build_report(planner, "999/KH-UBND", quarter)


def test_a_report_as_recorded_read_from_the_parts_states_equals_one_replayed_from_the_events(
    planner: Planner, clock: FixedClock
) -> None:
    load_demo(planner, clock)
    _december_changes(planner, clock)
    clock.set(vietnam_time(date(2024, 1, 15)))
    plan = planner.views.plan(PLAN).plan_id
    days = [date(2023, 6, 30), date(2023, 9, 30), *(date(2023, 11, d) for d in (25, 27, 30))]
    with Replay(planner.store, aggregates_of(planner.views, plan)) as replay:
        for day in [*days, *(date(2023, 12, d) for d in (1, 3, 5, 7, 9, 11, 31))]:
            replayed = compose_report(
                _snapshot(read_snapshot(replay.views_at_end_of(day), plan, day)), None, YEAR
            )
            from_states = compose_report(
                _snapshot(read_snapshot(planner.views, plan, day, Basis.RECORDED)), None, YEAR
            )
            assert from_states == replayed, f"as recorded by {day}"


def test_an_agency_renamed_later_keeps_the_name_it_had_in_a_report_as_recorded_then(
    planner: Planner, clock: FixedClock
) -> None:
    load_demo(planner, clock)
    clock.set(vietnam_time(date(2024, 1, 15)))
    planner.agencies.rename("STP", "Sở Tư pháp tỉnh Bắc Kạn (mới)", "Đổi tên", monitor(planner))

    then = build_report(planner, PLAN, YEAR, date(2023, 11, 25), basis=Basis.RECORDED)
    now = build_report(planner, PLAN, YEAR, date(2023, 11, 25), basis=Basis.CURRENT)

    names = {row.agency: row.agency_name for row in then.progress.agencies}
    assert names["STP"] == "Sở Tư pháp"
    assert {row.agency: row.agency_name for row in now.progress.agencies}["STP"].endswith("(mới)")


def _december_changes(planner: Planner, clock: FixedClock) -> None:
    """What the demo does not show: deadlines moved, extensions, late reports, reopening..."""
    tasks = {t.reference: t.task_id for t in planner.views.tasks()}
    snv = monitor(planner)
    clock.set(vietnam_time(date(2023, 11, 27)))
    planner.tasks.change_deadline(tasks["PL2 III.1"], None, date(2023, 12, 20), "Chờ dự thảo", snv)
    clock.set(vietnam_time(date(2023, 11, 28)))
    planner.tasks.request_extension(
        tasks["PL2 III.2"], None, date(2023, 12, 31), "Chờ các sở", staff(planner, "VPUBND")
    )
    clock.set(vietnam_time(date(2023, 12, 1)))
    planner.tasks.decide_extension(tasks["PL2 III.2"], None, True, "Đồng ý", snv)
    clock.set(vietnam_time(date(2023, 12, 2)))  # a new department: the group grows
    planner.agencies.register(
        "SDL", "Sở Du lịch", AgencyKind.DEPARTMENT, snv, groups=(DEPARTMENTS,)
    )
    clock.set(vietnam_time(date(2023, 12, 4)))
    planner.tasks.complete(
        tasks["PL2 II.4"],
        None,
        staff(planner, "STP"),
        effective_on=date(2023, 11, 30),
        because="Báo cáo muộn",
    )
    clock.set(vietnam_time(date(2023, 12, 6)))
    planner.tasks.reopen(tasks["PL2 I.1"], "2023-Q3", "Báo cáo thiếu số liệu", snv)
    clock.set(vietnam_time(date(2023, 12, 8)))
    planner.tasks.mark_not_applicable(
        tasks["PL2 I.1b"], ("2023-Q4",), ("STC",), "Không có số liệu chuyên đề", snv
    )
    clock.set(vietnam_time(date(2023, 12, 10)))
    planner.tasks.block(tasks["PL2 VI.1"], None, "Chờ vốn", staff(planner, "SKHDT"))


def _snapshot(snapshot: Snapshot | None) -> Snapshot:
    assert snapshot is not None
    return snapshot
