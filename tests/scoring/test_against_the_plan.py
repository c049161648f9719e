"""Sở Nội vụ compares each department's results with the targets of the department's own plan."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from planner.application.clock import FixedClock
from planner.application.errors import NotFound
from planner.application.planner import Planner
from planner.domain.criteria_set import UnitKind
from planner.domain.score_target import ResultKind
from planner.reports.against_plan import against_plan
from planner.reports.delivery import ReportFormat
from planner.reports.model import TaskState
from planner.reports.scoring_report import render_scoring
from tests.cli.test_report_command import run
from tests.conftest import vietnam_time
from tests.reports.reading import HEADING_ROW, csv_lines, workbook_sheets
from tests.scoring.justice_plan import PLAN, YEAR, appraise, justice_plan, self_assess

AFTER_APPRAISAL = date(2025, 2, 20)
REPORTING = ("1", "Báo cáo định kỳ CCHC đúng hạn")
INSPECTING = ("2", "Tự kiểm tra CCHC tại các phòng")


def appraised_year(planner: Planner, clock: FixedClock) -> None:
    justice_plan(planner, clock)
    self_assess(planner, clock)
    appraise(planner, clock)
    clock.set(vietnam_time(AFTER_APPRAISAL))


def test_each_target_is_met_or_short_by_the_difference_with_the_tasks_behind_it(
    planner: Planner, clock: FixedClock
) -> None:
    appraised_year(planner, clock)

    found = against_plan(planner, YEAR, UnitKind.DEPARTMENT, AFTER_APPRAISAL)

    assert [(u.unit, u.unit_name, u.plan_number) for u in found] == [
        ("STP", "Sở Tư pháp", PLAN)
    ]  # the province's own plan is not a unit's
    checks = {c.code: c for c in found[0].checks}
    assert list(checks) == ["1.1.1", "1.2", "1.3"]
    summary = {
        code: (c.target, c.achieved, c.kind, c.met, c.difference) for code, c in checks.items()
    }
    appraised = ResultKind.APPRAISED
    assert summary == {
        "1.1.1": (Decimal("0.5"), Decimal("0.5"), appraised, True, Decimal(0)),
        "1.2": (Decimal(3), Decimal(2), appraised, False, Decimal(-1)),
        "1.3": (Decimal("2.5"), Decimal(2), appraised, False, Decimal("-0.5")),
    }
    tasks = {code: [(t.reference, t.text, t.state) for t in c.tasks] for code, c in checks.items()}
    assert tasks == {
        "1.1.1": [],
        "1.2": [(*REPORTING, TaskState.OVERDUE)],  # due by the end of Quý III/2024
        "1.3": [(*INSPECTING, TaskState.COMPLETED)],  # serves 1.3.1, beneath 1.3
    }

    results = planner.scoring.results(YEAR, UnitKind.DEPARTMENT)
    page = render_scoring(results, ReportFormat.HTML, found).decode("utf-8")
    assert "<h2>3. Đối chiếu với mục tiêu kế hoạch</h2>" in page
    assert page.count('<tr class="at_risk">') == 2  # 1.2 and 1.3 fell short
    lines = csv_lines(render_scoring(results, ReportFormat.CSV, found))
    assert [
        "Sở Tư pháp",
        PLAN,
        "1.3",
        "Kiểm tra công tác CCHC",
        "2,5",
        "2",
        "Thẩm định",
        "Chưa đạt",
        "-0,5",
        "2. Tự kiểm tra CCHC tại các phòng (đã hoàn thành)",
    ] in lines


def test_before_the_appraisal_the_self_assessment_is_compared(
    planner: Planner, clock: FixedClock
) -> None:
    appraised_year(planner, clock)

    found = against_plan(planner, YEAR, UnitKind.DEPARTMENT, date(2025, 1, 31), unit="STP")

    checks = {c.code: (c.achieved, c.kind, c.met, c.difference) for c in found[0].checks}
    assert checks["1.2"] == (Decimal("2.5"), ResultKind.SELF_ASSESSED, False, Decimal("-0.5"))
    assert checks["1.3"] == (Decimal("2.5"), ResultKind.SELF_ASSESSED, True, Decimal(0))
    assert against_plan(planner, YEAR, UnitKind.DEPARTMENT, AFTER_APPRAISAL, unit="STC") == []
    with pytest.raises(NotFound) as unknown:
        against_plan(planner, YEAR, UnitKind.DEPARTMENT, AFTER_APPRAISAL, unit="Sở Không Có")
    assert unknown.value.message == "--unit: không có đơn vị 'Sở Không Có' trong danh mục cơ quan"
    with pytest.raises(NotFound):
        against_plan(planner, YEAR, UnitKind.DISTRICT, AFTER_APPRAISAL)


def test_the_command_line_and_the_scoring_report_show_the_comparison(
    planner: Planner, clock: FixedClock, database_url: str, tmp_path: Path
) -> None:
    appraised_year(planner, clock)
    round_ = ("--year", str(YEAR), "--unit-kind", "department")

    listed = run(database_url, "scoring", "against-plan", *round_, "--unit", "STP", "--json")
    document = json.loads(listed.stdout)
    (unit,) = document["units"]
    assert (unit["unit"], unit["plan"]) == ("STP", PLAN)
    short = unit["criteria"][1]
    assert (short["code"], short["target"], short["achieved"], short["kind"]) == (
        "1.2",
        "3",
        "2",
        "appraised",
    )
    assert (short["met"], short["difference"]) == (False, "-1")
    assert short["tasks"] == [{"reference": "1", "text": REPORTING[1], "state": "overdue"}]

    shown = run(database_url, "scoring", "against-plan", *round_)
    assert "Sở Tư pháp — kế hoạch 45/KH-STP" in shown.stdout and "Chưa đạt" in shown.stdout

    workbook = tmp_path / "ket-qua.xlsx"
    run(database_url, "report", "scoring", *round_, "--out", str(workbook))
    sheet = workbook_sheets(workbook.read_bytes())["doi-chieu"]
    assert sheet[HEADING_ROW - 2][0] == "Đối chiếu với mục tiêu kế hoạch"
    rows = {row[2]: row for row in sheet[HEADING_ROW:] if row[0]}
    assert rows["1.2"] == (
        "Sở Tư pháp",
        PLAN,
        "1.2",
        "Thực hiện công tác báo cáo định kỳ CCHC",
        3,
        2,
        "Thẩm định",
        "Chưa đạt",
        -1,
        "1. Báo cáo định kỳ CCHC đúng hạn (quá hạn)",
    )
    assert rows["1.1.1"][7:9] == ("Đạt", 0)
