"""A department's own plan reports the results of its scoring round, as they stood each day."""

from __future__ import annotations

from datetime import date

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.reports.delivery import ReportFormat, render_report
from planner.reports.periods import ReportPeriod
from tests.conftest import vietnam_time
from tests.reports.reading import table_rows
from tests.scoring.justice_plan import PLAN, PROVINCE_PLAN, appraise, justice_plan, self_assess

SHEET = "PAR_INDEX 2024"
QUARTER = ReportPeriod.parse_quarter("2025Q1")


def quarterly(planner: Planner, number: str, as_of: date | None = None) -> dict[str, tuple]:
    """The quarter's report as Sở Nội vụ downloads it, read back from the workbook."""
    report = render_report(planner, number, QUARTER, ReportFormat.XLSX, as_of)
    return table_rows(report.content, SHEET)


def test_the_quarterly_report_shows_the_appraised_points_and_the_gap_to_the_target(
    planner: Planner, clock: FixedClock
) -> None:
    justice_plan(planner, clock)
    self_assess(planner, clock)
    appraise(planner, clock)
    clock.set(vietnam_time(date(2025, 2, 20)))

    rows = quarterly(planner, PLAN)

    # Mã, name, max, last year, target, result, kind, gap
    assert rows["1.1.1"][4:8] == (0.5, 0.5, "Thẩm định", 0)
    assert rows["1.2"][4:8] == (3, 2, "Thẩm định", 1)
    assert rows["1.3"][4:8] == (2.5, 2, "Thẩm định", 0.5)  # 1.3.1 (1) + 1.3.2 appraised 1
    assert rows["1"][4:8] == (6, 4.5, "Thẩm định", 1.5)  # the plan's rows summed


def test_a_report_as_of_a_day_before_the_appraisal_shows_the_self_assessment(
    planner: Planner, clock: FixedClock
) -> None:
    justice_plan(planner, clock)
    self_assess(planner, clock)
    appraise(planner, clock)
    clock.set(vietnam_time(date(2025, 2, 20)))

    rows = quarterly(planner, PLAN, date(2025, 1, 31))

    assert rows["1.1.1"][4:8] == (0.5, 0.5, "Tự đánh giá", 0)
    assert rows["1.2"][4:8] == (3, 2.5, "Tự đánh giá", 0.5)
    assert rows["1.3"][4:8] == (2.5, 2.5, "Tự đánh giá", 0)

    before_submission = quarterly(planner, PLAN, date(2025, 1, 19))
    assert before_submission["1.2"][5:8] == (None, None, None)


def test_the_province_plan_keeps_the_result_entered_on_its_target(
    planner: Planner, clock: FixedClock
) -> None:
    justice_plan(planner, clock)
    self_assess(planner, clock)
    appraise(planner, clock)
    clock.set(vietnam_time(date(2025, 2, 20)))

    rows = quarterly(planner, PROVINCE_PLAN)

    assert rows["1.2"][4:8] == (3, 2.75, "Công bố", 0.25)
