"""Sở Nội vụ reads Bắc Kạn's Kế hoạch 365/KH-UBND: four appendices, laid out as published."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from planner.application.plan_document import PlanDocument, TargetEntry, TaskEntry
from planner.domain.criterion import Index
from planner.domain.schedule import Period, Recurrence, ScheduleKind
from planner.domain.target import TargetKind
from planner.importer.document_file import read_document
from planner.importer.reading import read_plan_document
from planner.importer.report import ImportReport
from tests.importing.documents import BAC_KAN, seed
from tests.importing.registry import bac_kan_directory


@pytest.fixture(scope="module")
def report() -> ImportReport:
    return read_plan_document(read_document(seed(BAC_KAN)), bac_kan_directory())


@pytest.fixture(scope="module")
def document(report: ImportReport) -> PlanDocument:
    assert report.errors == []
    assert report.document is not None
    return report.document


def target(document: PlanDocument, index: Index, code: str) -> TargetEntry:
    return next(t for t in document.targets if t.index is index and str(t.code) == code)


def task(document: PlanDocument, reference: str) -> TaskEntry:
    return next(t for t in document.tasks if t.reference == reference)


def warnings(report: ImportReport) -> list[str]:
    return [str(w) for w in report.warnings]


def test_the_plan_header_is_read_from_the_document_itself(document: PlanDocument) -> None:
    plan = document.plan
    assert plan is not None
    assert (plan.number, plan.province, plan.issued_on, plan.year) == (
        "365/KH-UBND",
        "Bắc Kạn",
        date(2023, 6, 8),
        2023,
    )
    assert plan.indices == (Index.PAR_INDEX, Index.SIPAS, Index.PAPI)
    assert plan.title.startswith("Khắc phục những tồn tại, hạn chế Chỉ số cải cách hành chính")
    assert plan.issuer == "UBND tỉnh Bắc Kạn"


def test_the_four_appendices_are_told_apart_by_their_headers(report: ImportReport) -> None:
    assert [(t.label, t.kind, t.index) for t in report.tables] == [
        ("Phụ lục 1", "mixed", "PAR_INDEX"),
        ("Phụ lục 2", "mixed", "PAR_INDEX"),
        ("Phụ lục 3", "mixed", "SIPAS"),
        ("Phụ lục 4", "mixed", "PAPI"),
    ]
    sipas = report.tables[2]
    assert [(c.meaning, c.year) for c in sipas.columns[2:4]] == [
        ("achieved", 2022),
        ("target", 2023),
    ]
    assert [t.repeated_headers for t in report.tables] == [3, 7, 8, 9]
    assert (report.criteria, report.tasks) == (147, 139)


def test_every_task_is_stored_with_its_agencies_and_its_schedule(document: PlanDocument) -> None:
    assert len(document.tasks) == 139
    assert len(document.targets) == 146
    # "Trường học các cấp" and "UBND và các Tổ chức chính trị - xã hội cấp xã" name no
    # registered body; "Các cơ quan, đơn vị, địa phương" is every department and local body.
    assert sum(1 for t in document.tasks if not t.lead) == 3
    kinds = {t.schedule.kind for t in document.tasks}
    assert kinds == {
        ScheduleKind.ONGOING,
        ScheduleKind.WINDOW,
        ScheduleKind.RECURRING,
        ScheduleKind.UNDATED,
    }


def test_codes_are_read_with_or_without_their_tc_and_tctp_prefixes(
    document: PlanDocument,
) -> None:
    entry = target(document, Index.PAR_INDEX, "3.2.3")
    assert entry.definition.name.startswith("Công khai tiến độ, kết quả giải quyết hồ sơ")
    assert entry.definition.max_points == Decimal(1)
    papi = target(document, Index.PAPI, "1.1")
    assert (papi.definition.name, papi.definition.max_points) == (
        "Tri thức công dân",
        Decimal("2.5"),
    )


def test_sipas_groups_restart_under_each_roman_section_and_keep_their_percentages(
    document: PlanDocument,
) -> None:
    total = target(document, Index.SIPAS, "")
    assert (total.definition.last_year_points, total.definition.target.value) == (
        Decimal("75.24"),
        Decimal("85.24"),
    )
    assert total.definition.target.kind is TargetKind.PERCENT
    first = target(document, Index.SIPAS, "I.1")
    again = target(document, Index.SIPAS, "II.1")
    assert first.definition.name == "Trách nhiệm giải trình của cơ quan nhà nước"
    assert again.definition.name == "Tiếp cận dịch vụ"
    assert target(document, Index.SIPAS, "II.5.3").definition.target.value == Decimal("79.95")


def test_text_targets_stand_beside_numeric_ones(document: PlanDocument) -> None:
    words = target(document, Index.PAR_INDEX, "1.7").definition.target
    assert (words.kind, words.value) == (TargetKind.TEXT, None)
    assert (
        words.text
        == "100% nhiệm vụ Chính phủ, Thủ tướng chính phủ giao được hoàn thành đúng tiến độ"
    )
    points = target(document, Index.PAPI, "").definition
    assert (points.max_points, points.last_year_points, points.target.value) == (
        Decimal(80),
        Decimal("42.41"),
        Decimal("58.57"),
    )


def test_survey_based_criteria_are_marked_from_their_names(document: PlanDocument) -> None:
    assert target(document, Index.PAR_INDEX, "2.4.1").definition.survey_based
    assert not target(document, Index.PAR_INDEX, "3.1").definition.survey_based


def test_a_cell_merged_over_several_criteria_serves_each_of_them(document: PlanDocument) -> None:
    shared = task(document, "PL1 VIII.1")
    assert [str(c.code) for c in shared.criteria] == ["8.2", "8.3.1", "8.3.3"]
    review = task(document, "PL2 II.2")
    assert [str(c.code) for c in review.criteria] == ["2.4.2", "2.4.3"]
    assert target(document, Index.PAR_INDEX, "2.4.3").definition.target.text.startswith(
        "100% văn bản QPPL ban hành trong năm"
    )


def test_another_lead_agency_under_the_row_above_takes_its_own_paragraph(
    document: PlanDocument,
) -> None:
    first, second = task(document, "PL2 I.1"), task(document, "PL2 I.1b")
    assert first.text == (
        "Đôn đốc các cơ quan, đơn vị thực hiện chế độ báo cáo đảm bảo nội dung và thời gian "
        "quy định"
    )
    assert first.lead == ("SNV",)
    assert second.text.startswith("Thực hiện chế độ báo cáo chuyên đề định kỳ")
    assert (second.lead, second.coordinating) == (("VPUBND", "STTTT", "STP", "STC"), ("SNV",))
    assert second.schedule == first.schedule
    assert second.schedule.recurrence == Recurrence(Period.QUARTER, 12)
    assert [o.key for o in second.schedule.occurrences()] == ["2023-Q2", "2023-Q3", "2023-Q4"]


def test_a_continuation_row_adds_another_task_to_the_criterion_above(
    document: PlanDocument,
) -> None:
    extra = task(document, "PL1 III.1b")
    assert extra.text.startswith("Số liệu hồ sơ TTHC được đồng bộ")
    assert extra.lead == ("STTTT",)
    assert [str(c) for c in extra.criteria] == ["PAR_INDEX:3.2.3"]


def test_a_task_cell_wrapped_onto_the_next_row_is_one_task(document: PlanDocument) -> None:
    wrapped = task(document, "PL3 I.3.1")
    assert wrapped.text == (
        "- Nâng cao chất lượng công tác xây dựng các quy định về đầu tư, kinh doanh, việc "
        "làm,... - Tăng cường thanh tra, kiểm tra việc thực hiện các chính sách về đầu tư, kinh "
        "doanh, việc làm"
    )


def test_a_criterion_repeated_after_a_page_break_is_one_criterion_with_all_its_tasks(
    document: PlanDocument,
) -> None:
    budget = [t for t in document.tasks if t.reference.startswith("PL2 VIII.3")]
    assert [(t.reference, t.lead) for t in budget] == [
        ("PL2 VIII.3", ("SKHDT",)),
        ("PL2 VIII.3b", ("SNNPTNT",)),
        ("PL2 VIII.3c", ("SGDDT",)),
        ("PL2 VIII.3d", ("SYT",)),
        ("PL2 VIII.3e", ("STTTT",)),
    ]
    assert sum(1 for t in document.targets if str(t.code) == "8.5") == 1


def test_sections_are_read_however_the_export_wrote_their_numerals(
    document: PlanDocument,
) -> None:
    references = {t.reference for t in document.tasks}
    assert {"PL1 III.1", "PL1 VIII.1", "PL2 VIII.1", "PL2 VIII.2"} <= references


def test_html_fragments_are_gone_from_every_text(document: PlanDocument) -> None:
    texts = [t.text for t in document.tasks] + [t.definition.target.text for t in document.targets]
    assert not [text for text in texts if "<" in text or ">" in text]
    assert task(document, "PL4 1.1").text.startswith(
        "Đẩy mạnh công tác thông tin, tuyên truyền bằng nhiều hình thức phong phú, đa dạng "
        "(tuyên truyền tại các cuộc họp"
    )


def test_agency_cells_are_read_with_or_without_separators(document: PlanDocument) -> None:
    campaign = task(document, "PL1 I.3")
    assert campaign.lead == ("VPUBND", "SNV", "STP", "STC", "STTTT", "DPTTH")
    assert campaign.lead_wording.endswith("Đài Phát thanh và Truyền hình Bắc Kạn")
    discipline = task(document, "PL2 V.2")
    assert discipline.lead[0] == "SNV" and "UBND_BABE" in discipline.lead
    communes = task(document, "PL4 1.4")
    assert communes.lead == ("UBND_XA_HUYENTUNG", "UBND_XA_NONGTHUONG")


def test_agencies_written_in_the_timeframe_column_lead_the_task(
    report: ImportReport, document: PlanDocument
) -> None:
    shifted = task(document, "PL2 VI.5")
    assert "SNV" in shifted.lead and "UBND_PACNAM" in shifted.lead
    assert shifted.schedule.text == "Năm 2023"
    assert any(
        "dòng 200: cột thời gian ghi tên cơ quan 'Các sở, ban, ngành, UBND cấp huyện, UBND "
        "cấp xã'" in w
        for w in warnings(report)
    )


def test_the_prose_obligations_become_plan_obligations(document: PlanDocument) -> None:
    by_key = {o.obligation.key: o.obligation for o in document.obligations}
    plans = by_key["truoc-ngay-20-6-2023"]
    assert plans.schedule.due_on == date(2023, 6, 20)
    assert plans.report_to == "SNV"
    assert "SNV" in plans.responsible and "UBND_BABE" in plans.responsible
    assert "xây dựng kế hoạch của cơ quan, đơn vị, địa phương trước ngày 20/6/2023" in plans.text
    report = by_key["het-thang-12-2023"]
    assert (report.responsible, report.schedule.due_on) == (("SNV",), date(2023, 12, 31))


def test_the_odd_rows_of_the_document_are_warnings_naming_rows_and_numbers(
    report: ImportReport,
) -> None:
    found = warnings(report)
    expected = [
        "Phụ lục 1, dòng 126: mã 3.4.3 nằm dưới mục IV (CẢI CÁCH TỔ CHỨC BỘ MÁY), không phải "
        "lĩnh vực 3: kiểm tra lại mã",
        "Phụ lục 1, dòng 135: có cột 'Cơ quan phối hợp thực hiện': 'Sở Tài chính'; cột "
        "'Thời gian thực hiện': 'Thường xuyên' nhưng không có nhiệm vụ: bỏ qua",
        "Phụ lục 2, dòng 159: mã 1.2 (PAR_INDEX, năm 2023) đã có ở Phụ lục 1, dòng 106: "
        "'Công tác kiểm tra CCHC' (tối đa 2); dòng này ghi 'Thực hiện chế độ báo cáo định kỳ' "
        "(tối đa 0,5, năm trước 0). Giữ dòng trước, bỏ dòng này — hãy kiểm tra lại mã trong "
        "văn bản",
        "Phụ lục 4, dòng 361: mục tiêu 2,51 vượt mức tối đa 2,5: ghi như lời văn",
    ]
    for message in expected:
        assert message in found


def test_the_arithmetic_warnings_are_the_documents_own_mismatches(report: ImportReport) -> None:
    sums = [w for w in warnings(report) if "cộng lại" in w]
    assert sums == [
        "Phụ lục 4, dòng 360: điểm đạt được năm 2022 của 6 ghi 7,14 nhưng các dòng con "
        "(6.1, 6.2, 6.3, 6.4; dòng 361, 362, 363, 364) cộng lại 7,08",
        "Phụ lục 4, dòng 367: điểm đạt được năm 2022 của 7 ghi 3,36 nhưng các dòng con "
        "(7.1, 7.2, 7.3; dòng 368, 369, 370) cộng lại 3,32",
        "Phụ lục 4, dòng 322: mục tiêu năm 2023 của 1 ghi 9,63 nhưng các dòng con "
        "(1.1, 1.2, 1.3, 1.4; dòng 323, 326, 328, 331) cộng lại 7,39",
    ]
    # The document's own figures, added up here independently of the importer.
    assert sum(Decimal(v) for v in ("2.01", "1.42", "1.79", "1.86")) == Decimal("7.08")
    assert sum(Decimal(v) for v in ("1.56", "2.24", "2.09", "1.50")) == Decimal("7.39")


def test_names_the_registry_lacks_are_reported_with_the_closest_known_names(
    report: ImportReport,
) -> None:
    unknown = {p.wording: p for p in report.parties.values() if p.kind == "unknown"}
    assert "Công ty Điện lực Bắc Kạn" in unknown
    assert unknown["Ủy ban MTTQ Việt Nam các cấp"].closest[0] == "Ủy ban MTTQ Việt Nam tỉnh"
    descriptive = {p.wording for p in report.parties.values() if p.kind == "descriptive"}
    assert {"Các đơn vị được kiểm tra trong năm", "một số đơn vị liên quan"} <= descriptive
    assert any(
        "không có cơ quan 'Ủy ban MTTQ Việt Nam các cấp' trong danh mục (có phải: Ủy ban MTTQ "
        "Việt Nam tỉnh" in w
        for w in warnings(report)
    )
