"""A province's plan laid out differently from the seeds imports by its headers' wording.

Lạng Sơn's plan (see new_layout.py) keeps codes in a "Mã tiêu chí" column and points as
numbers, orders its task columns its own way, letters its sections and merges a lead
agency cell over two rows; its Word version splits the points heading over two rows.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from planner.application.plan_document import PlanDocument
from planner.domain.criterion import Index
from planner.domain.schedule import ScheduleKind
from planner.domain.target import Target
from planner.importer.document_file import read_document
from planner.importer.reading import read_plan_document
from planner.importer.report import ImportReport
from tests.importing.new_layout import lang_son_word, lang_son_workbook
from tests.importing.registry import default_directory


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[ImportReport, ImportReport]:
    folder = tmp_path_factory.mktemp("lang-son")
    return (
        read_plan_document(
            read_document(lang_son_workbook(folder / "ke-hoach-45.xlsx")), default_directory()
        ),
        read_plan_document(
            read_document(lang_son_word(folder / "ke-hoach-45.docx")), default_directory()
        ),
    )


def document_of(report: ImportReport) -> PlanDocument:
    assert report.errors == []
    assert report.document is not None
    return report.document


def test_the_workbook_and_the_word_file_say_the_same(
    reports: tuple[ImportReport, ImportReport],
) -> None:
    workbook, word = (document_of(r) for r in reports)

    def unplaced(document: PlanDocument) -> object:
        """Without places, and numeric targets by value: Excel keeps 7.5, Word writes 7,5."""
        targets = [
            dataclasses.replace(
                t,
                source="",
                definition=dataclasses.replace(
                    t.definition,
                    target=Target(t.definition.target.kind, t.definition.target.value, ""),
                ),
            )
            for t in document.targets
        ]
        return (
            document.plan,
            targets,
            [dataclasses.replace(t, source="") for t in document.tasks],
            [dataclasses.replace(o, source="") for o in document.obligations],
        )

    assert unplaced(workbook) == unplaced(word)
    assert [c.meaning for c in reports[1].tables[0].columns] == [
        "number", "name", "max_points", "achieved", "target", "notes",
    ]  # fmt: skip


@pytest.mark.parametrize("which", [0, 1], ids=["xlsx", "docx"])
def test_the_criteria_table_with_numbers_and_a_code_column(
    reports: tuple[ImportReport, ImportReport], which: int
) -> None:
    document = document_of(reports[which])
    plan = document.plan
    assert plan is not None
    assert (plan.number, plan.province, plan.issued_on, plan.year) == (
        "45/KH-UBND",
        "Lạng Sơn",
        date(2025, 2, 20),
        2025,
    )
    targets = {str(t.code): t.definition for t in document.targets}
    assert (targets["1.2"].max_points, targets["1.2"].last_year_points) == (Decimal(2), Decimal(1))
    assert targets["2.2"].last_year_points == Decimal("2.75")
    assert targets["1.3"].survey_based
    assert (targets[""].name, targets[""].target.value) == ("Tổng cộng", Decimal("13.5"))
    sums = [str(w) for w in reports[which].warnings if "cộng lại" in str(w)]
    assert len(sums) == 1 and "điểm tối đa của 1 ghi 8 nhưng các dòng con (1.1, 1.2, 1.3" in sums[0]


@pytest.mark.parametrize("which", [0, 1], ids=["xlsx", "docx"])
def test_the_task_table_with_lettered_sections_and_a_merged_lead_cell(
    reports: tuple[ImportReport, ImportReport], which: int
) -> None:
    document = document_of(reports[which])
    tasks = {t.reference: t for t in document.tasks}
    assert list(tasks) == ["PLII A.1", "PLII A.2", "PLII B.1", "PLII B.2"]
    assert tasks["PLII A.2"].lead == ("STP",)  # the lead cell merged down from A.1
    assert tasks["PLII A.2"].schedule.due_on == date(2025, 9, 30)
    assert (tasks["PLII A.1"].schedule.starts_on, tasks["PLII A.1"].schedule.due_on) == (
        date(2025, 4, 1),
        date(2025, 6, 30),
    )
    assert tasks["PLII A.1"].expected_output == "Quyết định công bố"
    assert tasks["PLII B.1"].lead == ("VPUBND", "STTTT")
    assert tasks["PLII B.2"].schedule.kind is ScheduleKind.UNDATED
    found = [str(w) for w in reports[which].warnings]
    assert any("không có cơ quan 'UBND huyện Bắc Sơn' trong danh mục" in w for w in found)
    assert any("thời gian 'Hằng năm' không có ngày cụ thể" in w for w in found)


@pytest.mark.parametrize("which", [0, 1], ids=["xlsx", "docx"])
def test_the_deadlines_in_its_prose_become_obligations(
    reports: tuple[ImportReport, ImportReport], which: int
) -> None:
    obligations = {o.obligation.key: o.obligation for o in document_of(reports[which]).obligations}
    plans = obligations["cham-nhat-ngay-15-3-2025"]
    assert (plans.schedule.due_on, plans.report_to) == (date(2025, 3, 15), "SNV")
    assert plans.text == "Xây dựng kế hoạch triển khai, gửi Sở Nội vụ chậm nhất ngày 15/3/2025"
    assert obligations["truoc-ngay-10-12-2025"].responsible == ("SNV",)


QUANG_NINH = """UBND TỈNH QUẢNG NINH

Số: 123/KH-UBND

Quảng Ninh, ngày 10 tháng 3 năm 2024

KẾ HOẠCH

Nâng cao Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính

I. TỔ CHỨC THỰC HIỆN

Các sở, ban, ngành báo cáo kết quả về Sở Nội vụ trước ngày 15/6/2024 và trước ngày 15/11/2024.

PHỤ LỤC

DANH MỤC NHIỆM VỤ

STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\tSản phẩm
(1)\t(2)\t(3)\t(4)\t(5)\t(6)
I\tNÂNG CAO CHẤT LƯỢNG TIẾP CẬN DỊCH VỤ\t\t\t\t
1\tRà soát trang thiết bị tại Trung tâm Phục vụ hành chính công\tVăn phòng UBND tỉnh\t\
Sở Tài chính\tQuý II/2024\tBáo cáo rà soát
2\tNiêm yết công khai thủ tục hành chính\tSở Tư pháp\tVăn phòng UBND tỉnh\tTrước ngày 30/6/2024\t
II\tNÂNG CAO CHẤT LƯỢNG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\t\t\t\t
1\tĐánh giá chất lượng giải quyết theo thời gian thực\tSở Thông tin và Truyền thông\t\
Các sở, ban, ngành\t6 tháng đầu năm 2024\tKết quả đánh giá
"""


def test_a_text_export_with_a_numbered_column_row_and_only_tasks(tmp_path: Path) -> None:
    """Quảng Ninh's (invented) plan: 'Nội dung công việc', '(1) (2) (3)…' under the header."""
    path = tmp_path / "quang-ninh-123.txt"
    path.write_text(QUANG_NINH, encoding="utf-8")
    report = read_plan_document(read_document(path), default_directory())
    document = document_of(report)
    assert document.plan is not None and document.plan.indices == (Index.SIPAS,)
    assert [(t.reference, t.lead, t.expected_output) for t in document.tasks] == [
        ("PL I.1", ("VPUBND",), "Báo cáo rà soát"),
        ("PL I.2", ("STP",), ""),
        ("PL II.1", ("STTTT",), "Kết quả đánh giá"),
    ]
    assert [t.schedule.due_on for t in document.tasks] == [
        date(2024, 6, 30),
        date(2024, 6, 30),
        date(2024, 6, 30),
    ]
    assert [o.obligation.key for o in document.obligations] == [
        "truoc-ngay-15-6-2024",
        "truoc-ngay-15-11-2024",
    ]
    assert report.tables[0].kind == "tasks" and report.warnings == []
