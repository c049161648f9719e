"""Hà Nam's 2019 plan and 2013–2020 programme, Điện Biên's 2024 criteria, as published."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from planner.domain.criteria_set import UnitKind, max_total, survey_max
from planner.domain.criterion import Index
from planner.domain.schedule import Period, Recurrence, ScheduleKind
from planner.importer.document_file import read_document
from planner.importer.reading import read_plan_document
from planner.importer.report import ImportReport
from tests.importing.documents import DIEN_BIEN, HA_NAM, HA_NAM_PROGRAMME, seed, seed_lines
from tests.importing.registry import default_directory


def read(name: str) -> ImportReport:
    report = read_plan_document(read_document(seed(name)), default_directory())
    assert report.errors == []
    return report


def test_ha_nam_states_two_targets_per_criterion_with_last_years_points_on_the_first() -> None:
    document = read(HA_NAM).document
    assert document is not None and document.plan is not None
    assert (document.plan.number, document.plan.issued_on, document.plan.year) == (
        "1800/KH-UBND",
        date(2019, 6, 5),
        2019,
    )
    assert document.plan.indices == (Index.PAR_INDEX, Index.SIPAS)
    plan_2019 = {str(t.code): t.definition for t in document.targets if t.year == 2019}
    plan_2020 = {str(t.code): t.definition for t in document.targets if t.year == 2020}
    assert len(plan_2019) == len(plan_2020) == 145
    assert (plan_2019["1.1"].last_year_points, plan_2020["1.1"].last_year_points) == (
        Decimal("1.25"),
        None,
    )
    assert (plan_2019["3.3"].target.value, plan_2020["3.3"].target.value) == (
        Decimal("1.5"),
        Decimal("2.5"),
    )
    total = plan_2019[""]
    assert (total.name, total.max_points, total.last_year_points, total.target.value) == (
        "TỔNG ĐIỂM",
        Decimal(100),
        Decimal("75.66483"),
        Decimal("95.5"),
    )


def test_ha_nam_mixes_decimal_commas_and_dots() -> None:
    document = read(HA_NAM).document
    assert document is not None
    points = {str(t.code): t.definition for t in document.targets if t.year == 2019}
    assert points["2.2"].max_points == Decimal("1.5")  # written "1,5"
    assert points["2.4"].last_year_points == Decimal("3.80177")  # written "3.80177"


def test_a_name_wrapped_onto_the_next_row_is_joined_to_its_criterion() -> None:
    document = read(HA_NAM).document
    assert document is not None
    names = {str(t.code): t.definition.name for t in document.targets}
    assert names["3.3"] == "Thực hiện cơ chế một cửa, cơ chế một của liên thông"


def test_ha_nam_marks_survey_criteria_by_name_and_by_its_thuc_hien_column() -> None:
    document = read(HA_NAM).document
    assert document is not None
    survey = {str(t.code) for t in document.targets if t.definition.survey_based}
    assert {"2.4", "2.4.1", "2.4.4", "8.1", "8.1.5"} <= survey
    assert "2.3" not in survey


def test_ha_nam_tasks_come_from_the_thuc_hien_column_with_the_agencies_they_name() -> None:
    report = read(HA_NAM)
    document = report.document
    assert document is not None
    tasks = {t.reference: t for t in document.tasks}
    assert len(tasks) == 81
    assert (tasks["PL 1.1"].lead, [str(c.code) for c in tasks["PL 1.1"].criteria]) == (
        ("SNV",),
        ["1.1", "1.1.1", "1.1.2"],
    )
    assert tasks["PL 7.5"].lead == ("STTTT",)
    assert tasks["PL 7.5"].coordinating == ("VPUBND",)
    assert tasks["PL 5.2.1b"].text == (
        "UBND cấp huyện thực hiện đúng quy định về tuyển dụng công chức cấp xã."
    )
    assert {t.schedule.kind for t in document.tasks} == {ScheduleKind.UNDATED}
    assert any(
        "bảng không có cột thời gian thực hiện: 81 nhiệm vụ không có hạn" in str(w)
        for w in report.warnings
    )


def test_ha_nam_yearly_report_before_25_11_is_an_obligation_to_so_noi_vu() -> None:
    document = read(HA_NAM).document
    assert document is not None
    [entry] = document.obligations
    obligation = entry.obligation
    assert obligation.key == "truoc-ngay-25-11-hang-nam"
    assert obligation.schedule.recurrence == Recurrence(Period.YEAR, 25, 11)
    assert obligation.report_to == "SNV"
    assert "SNV" in obligation.responsible and "VPUBND" in obligation.responsible
    assert obligation.text.startswith("Trước ngày 25/11 hàng năm, báo cáo kết quả triển khai")


def test_ha_nam_arithmetic_mismatches_and_its_appendix_numbered_differently() -> None:
    found = [str(w) for w in read(HA_NAM).warnings]
    sums = [w for w in found if "cộng lại" in w]
    assert len(sums) == 14
    assert (
        "Phụ lục, dòng 302: điểm tối đa của 3.2 ghi 3 nhưng các dòng con (3.2.1, 3.2.2, 3.2.3, "
        "3.2.4; dòng 303, 304, 305, 306) cộng lại 2,25" in sums
    )
    assert (
        "Phụ lục, dòng 362: điểm đạt được năm 2018 của 5.9 ghi 2,99767 nhưng các dòng con "
        "(5.9.1, 5.9.2, 5.9.3, 5.9.4; dòng 363, 364, 365, 366) cộng lại 2,89767" in sums
    )
    # 4.1 states 2,1967 for 1 + 1 + 0,196: the document cut the last digit, nothing more.
    assert not [w for w in sums if "của 4.1 ghi 2,1967" in w]
    assert (
        "Phụ lục, dòng 270: Phụ lục ghi kèm theo văn bản số 170/KH-UBND, khác số ở đầu văn "
        "bản (1800/KH-UBND)" in found
    )


def test_dien_bien_criteria_become_a_set_per_kind_of_unit() -> None:
    report = read(DIEN_BIEN)
    document = report.document
    assert document is not None and document.plan is None
    assert report.kind == "criteria_framework"
    departments, districts = document.criteria_sets
    assert (departments.province, departments.year, departments.unit_kind) == (
        "Điện Biên",
        2024,
        UnitKind.DEPARTMENT,
    )
    assert departments.source == "2270/QĐ-UBND ngày 13/12/2024"
    assert departments.title == "CHỈ SỐ CCHC CÁC CƠ QUAN CHUYÊN MÔN THUỘC ỦY BAN NHÂN DÂN TỈNH"
    assert (districts.unit_kind, len(departments.criteria), len(districts.criteria)) == (
        UnitKind.DISTRICT,
        152,
        164,
    )
    assert (max_total(departments.criteria), survey_max(departments.criteria)) == (100, 19)
    assert (max_total(districts.criteria), survey_max(districts.criteria)) == (100, 25)
    rows = {str(c.code): c for c in districts.criteria}
    assert (rows["8.3.1"].max_points, rows["8.3.1"].survey_based, rows["8.3.1"].notes) == (
        Decimal(2),
        True,
        "ĐTXHH",
    )
    assert rows["1.1"].max_points == Decimal("1.5")


def test_dien_bien_duplicated_code_and_prose_that_disagrees_with_its_tables() -> None:
    found = [str(w) for w in read(DIEN_BIEN).warnings]
    assert found == [
        "Bảng 1, dòng 390: mã 2.3.1 trùng với dòng 389 ('Thực hiện các hoạt động về TĐTHPL', "
        "1,75 điểm); dòng này ('Xử lý kết quả theo dõi thi hành pháp luật', 0,75 điểm) không "
        "được nhập — hãy sửa mã trong văn bản",
        "Bảng 2, dòng 557: mã 2.3.1 trùng với dòng 556 ('Thực hiện các hoạt động về TĐTHPL', "
        "1,25 điểm); dòng này ('Xử lý kết quả theo dõi thi hành pháp luật', 0,5 điểm) không "
        "được nhập — hãy sửa mã trong văn bản",
        "dòng 133: lời văn ghi điểm qua điều tra, khảo sát tối đa 20/100; Bảng 1 cho 19 điểm "
        "(các tiêu chí ĐTXHH)",
        "dòng 132: lời văn ghi điểm kết quả triển khai tối đa 80/100; Bảng 1 cho 81 điểm (các "
        "tiêu chí không qua điều tra)",
        "dòng 179: lời văn ghi lĩnh vực 1 có 9 tiêu chí và 15 tiêu chí thành phần; Bảng 2 có 10 "
        "tiêu chí và 15 tiêu chí thành phần",
    ]
    # Counted again from the export itself: Bảng 1 rows marked ĐTXHH, Bảng 2 criteria 1.x.
    lines = seed_lines(DIEN_BIEN)
    survey = [line.split("\t") for line in lines[351:511] if line.endswith("\tĐTXHH")]
    assert sum(Decimal(cells[2].replace(",", ".")) for cells in survey) == 19
    area_one = [line for line in lines[518:690] if re.match(r"^1\.\d+\t", line)]
    assert len(area_one) == 10


def test_the_programme_in_prose_imports_what_is_there_and_says_what_is_not() -> None:
    report = read(HA_NAM_PROGRAMME)
    document = report.document
    assert document is not None and document.plan is not None
    plan = document.plan
    assert (plan.number, plan.province, plan.issued_on, plan.year) == (
        "772",
        "Hà Nam",
        date(2013, 7, 19),
        2013,
    )
    assert plan.title == "CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2013 - 2020 TRÊN ĐỊA BÀN TỈNH HÀ NAM"
    assert (document.targets, document.tasks, document.obligations) == ((), (), ())
    assert report.not_found == [
        "không có bảng nào: không có tiêu chí, mục tiêu hay nhiệm vụ để nhập",
        "phần lời văn không có yêu cầu nào có thời hạn (vd. 'trước ngày 20/6')",
    ]
