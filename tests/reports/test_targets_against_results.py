"""Leadership reads, per criterion, what was targeted and achieved, as the plans state it."""

from datetime import date
from decimal import Decimal

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.demo.loader import load_demo
from planner.domain.identity import target_id
from planner.domain.score_target import ResultKind
from planner.reports.building import build_report
from planner.reports.delivery import ReportFormat, render
from planner.reports.model import ProgressReport, TaskState
from planner.reports.periods import ReportPeriod
from tests.conftest import vietnam_time
from tests.reports.conftest import HaNam
from tests.reports.ha_nam_plan import NUMBER
from tests.reports.reading import csv_lines, headings, table_rows

# Hà Nam, Kế hoạch 1800/KH-UBND, Phụ lục: điểm chuẩn, đạt được 2018, mục tiêu 2019, mục tiêu 2020
HA_NAM_AREAS = {
    "": ("100", "75.66483", "95.5", "98.7"),
    "1": ("9", "5.5", "9", "9"),
    "2": ("10", "8.80177", "10", "10"),
    "3": ("13", "9.4744", "10.7", "12"),
    "4": ("12", "9.50105", "10.3", "11.7"),
    "5": ("13.5", "10.74045", "13.5", "13.5"),
    "6": ("12.5", "8.73714", "12.5", "12.5"),
    "7": ("13.5", "8.78932", "13", "13.5"),
    "8": ("16.5", "14.1207", "16.5", "16.5"),
}


def ha_nam_annual_report(ha_nam: HaNam) -> ProgressReport:
    """The 2019 annual report, on its deadline: "Trước ngày 25/11 hàng năm"."""
    ha_nam.on(date(2019, 11, 25))
    return build_report(ha_nam.planner, NUMBER, ReportPeriod.of_year(2019))


def test_ha_nam_2018_results_against_the_2019_and_2020_targets_area_by_area(ha_nam: HaNam) -> None:
    report = ha_nam_annual_report(ha_nam)

    assert [(s.index, s.year) for s in report.scores] == [("PAR_INDEX", 2019), ("PAR_INDEX", 2020)]
    year_2019, year_2020 = ({line.code: line for line in s.lines} for s in report.scores)
    for code, (maximum, achieved, target_2019, target_2020) in HA_NAM_AREAS.items():
        this_year, next_year = year_2019[code], year_2020[code]
        assert (this_year.max_points, this_year.last_year_points, this_year.target_value) == (
            Decimal(maximum),
            Decimal(achieved),
            Decimal(target_2019),
        ), code
        assert (next_year.target_value, next_year.last_year_points) == (Decimal(target_2020), None)
        assert this_year.stated and next_year.stated
    areas = [year_2019[code].last_year_points for code in HA_NAM_AREAS if code]
    assert sum(areas, Decimal(0)) == year_2019[""].last_year_points  # the document adds up
    assert len(year_2019) == 145  # every row of the appendix
    assert (
        year_2019["2.4"].lead == ("Sở Tư pháp",)
        and year_2019["2.4"].task_state is TaskState.ON_TRACK
    )
    assert year_2019[""].result_points is None and year_2019[""].gap is None


def test_the_spreadsheet_is_laid_out_like_the_plans_appendix(ha_nam: HaNam) -> None:
    report = ha_nam_annual_report(ha_nam)
    workbook = render(report, ReportFormat.XLSX).content

    assert headings(workbook, "PAR_INDEX 2019") == (
        "Mã",
        "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
        "Điểm tối đa",
        "Điểm đạt được năm 2018",
        "Mục tiêu năm 2019",
        "Kết quả đạt được",
        "Loại kết quả",
        "Còn thiếu so với mục tiêu",
        "Tiến độ nhiệm vụ (số nhiệm vụ)",
        "Cơ quan chủ trì",
    )
    rows_2019 = table_rows(workbook, "PAR_INDEX 2019")
    rows_2020 = table_rows(workbook, "PAR_INDEX 2020")
    for code, (maximum, achieved, target_2019, target_2020) in HA_NAM_AREAS.items():
        assert rows_2019[code][2:5] == (float(maximum), float(achieved), float(target_2019)), code
        assert rows_2020[code][4] == float(target_2020), code
    assert rows_2019[""][1] == "TỔNG ĐIỂM"
    assert rows_2019["3.3"][1] == "Thực hiện cơ chế một cửa, cơ chế một của liên thông"
    assert rows_2019["4.1.3"][2:5] == (1, 0.196, 0.3)
    assert rows_2019["4.3"][9] == (
        "Sở Nội vụ; Sở Tài chính; Sở Kế hoạch và Đầu tư; Sở Tài nguyên và Môi trường"
    )
    assert rows_2019["8.1.1"][9] == "Các sở, ban, ngành"


def test_the_html_report_leads_with_the_documents_own_figures(ha_nam: HaNam) -> None:
    report = ha_nam_annual_report(ha_nam)
    page = render(report, ReportFormat.HTML).content.decode("utf-8")

    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    assert "Hạn báo cáo: 25/11/2019 (trước ngày 25/11 hàng năm)" in page
    assert "năm 2018 đạt 75,66/100 điểm; mục tiêu năm 2019: 95,5 điểm" in page
    assert "mục tiêu năm 2020: 98,7 điểm" in page
    assert '<td class="points">75,66483</td>' in page
    assert page.count("<svg") == 3  # progress by agency, and one chart per year of targets
    assert "@page { size: A4" in page


def test_bac_kan_sipas_and_papi_targets_in_every_format(
    planner: Planner, clock: FixedClock
) -> None:
    load_demo(planner, clock)
    clock.set(vietnam_time(date(2023, 11, 25)))
    report = build_report(planner, "365/KH-UBND", ReportPeriod.of_year(2023))
    totals = {s.index: s.total for s in report.scores}
    sipas, papi = totals["SIPAS"], totals["PAPI"]
    assert sipas and (sipas.last_year_points, sipas.target_value, sipas.target_kind) == (
        Decimal("75.24"),
        Decimal("85.24"),
        "percent",
    )
    assert papi and (papi.max_points, papi.last_year_points, papi.target_value) == (
        Decimal(80),
        Decimal("42.41"),
        Decimal("58.57"),
    )

    page = render(report, ReportFormat.HTML).content.decode("utf-8")
    assert "năm 2022 đạt 75,24%; mục tiêu năm 2023: 85,24%" in page
    assert "năm 2022 đạt 42,41/80 điểm; mục tiêu năm 2023: 58,57 điểm" in page

    workbook = render(report, ReportFormat.XLSX).content
    assert headings(workbook, "SIPAS 2023")[3:5] == ("Kết quả năm 2022", "Mục tiêu năm 2023")
    assert table_rows(workbook, "SIPAS 2023")[""][3:5] == (75.24, 85.24)
    assert table_rows(workbook, "PAPI 2023")[""][2:5] == (80, 42.41, 58.57)

    lines = csv_lines(render(report, ReportFormat.CSV).content)
    assert ["", "Chỉ số PAPI", "80", "42,41", "58,57", "", "", "", "", ""] in lines
    assert [
        "",
        "Chỉ số SIPAS (tỷ lệ, tối đa 100%)",
        "",
        "75,24%",
        "85,24%",
        "",
        "",
        "",
        "",
        "",
    ] in lines


def test_results_say_which_kind_they_are_and_the_most_authoritative_one_counts(
    planner: Planner, clock: FixedClock
) -> None:
    load_demo(planner, clock)
    plan = planner.views.plan("365/KH-UBND").plan_id
    criterion = target_id(plan, "PAR_INDEX", "4.1.2", 2023)
    clock.set(vietnam_time(date(2024, 1, 15)))
    planner.targets.record_result(
        criterion, ResultKind.SELF_ASSESSED, Decimal("1.5"), planner.system
    )
    clock.set(vietnam_time(date(2024, 2, 20)))
    planner.targets.record_result(criterion, ResultKind.APPRAISED, Decimal("1.35"), planner.system)
    planner.targets.record_result(
        target_id(plan, "PAR_INDEX", "7.1.2", 2023),
        ResultKind.SELF_ASSESSED,
        Decimal(1),
        planner.system,
    )

    report = build_report(planner, "365/KH-UBND", ReportPeriod.of_year(2023), date(2024, 2, 20))
    par = {line.code: line for line in report.scores[0].lines}
    assert (par["4.1.2"].result_points, par["4.1.2"].result_kind, par["4.1.2"].gap) == (
        Decimal("1.35"),
        "appraised",
        Decimal("0.15"),
    )
    assert (par["4.1"].result_points, par["4.1"].result_kind, par["4.1"].stated) == (
        Decimal("1.35"),
        "appraised",
        False,
    )
    rows = table_rows(render(report, ReportFormat.XLSX).content, "PAR_INDEX 2023")
    assert rows["4.1.2"][5:8] == (1.35, "Thẩm định", 0.15)
    assert rows["7.1.2"][5:8] == (1, "Tự đánh giá", 0)

    in_january = build_report(planner, "365/KH-UBND", ReportPeriod.of_year(2023), date(2024, 1, 31))
    january = {line.code: line for line in in_january.scores[0].lines}
    assert (january["4.1.2"].result_points, january["4.1.2"].result_kind) == (
        Decimal("1.5"),
        "self_assessed",
    )
