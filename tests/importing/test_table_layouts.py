"""Headers recognised by their wording, rows by what they hold — not by their position."""

from __future__ import annotations

import pytest

from planner.importer.cells import cell_text, paragraphs
from planner.importer.headers import Meaning, TableKind, meaning, recognise
from planner.importer.source import Origin, Row
from planner.importer.spelling import words_key
from planner.importer.table_rows import RowKind, classify


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("TT", Meaning.NUMBER),
        ("STT", Meaning.NUMBER),
        ("Số TT", Meaning.NUMBER),
        ("Lĩnh vực/Tiêu chí/ Tiêu chí thành phần", Meaning.NAME),
        ("Nhóm tiêu chí/ Tiêu chí thành phần", Meaning.NAME),
        ("Chỉ số nội dung/ Nội dung thành phần", Meaning.NAME),
        ("Điểm tối đa", Meaning.MAX_POINTS),
        ("Điểm chuẩn", Meaning.MAX_POINTS),
        ("Điểm đạt được năm 2022", Meaning.ACHIEVED),
        ("Kết quả năm 2022", Meaning.ACHIEVED),
        ("Điểm tự đánh giá năm 2024", Meaning.ACHIEVED),
        ("Mục tiêu năm 2019", Meaning.TARGET),
        ("Chỉ tiêu năm 2025", Meaning.TARGET),
        ("Nhiệm vụ, giải pháp", Meaning.TASK),
        ("Nhiệm vụ cụ thể", Meaning.TASK),
        ("Cơ quan chủ trì (thực hiện)", Meaning.LEAD),
        ("Cơ quan chủ trì thực hiện", Meaning.LEAD),
        ("Đơn vị thực hiện", Meaning.LEAD),
        ("Cơ quan phối hợp", Meaning.COORDINATING),
        ("Cơ quan phối hợp thực hiện", Meaning.COORDINATING),
        ("Thời gian thực hiện", Meaning.SCHEDULE),
        ("Tiến độ", Meaning.SCHEDULE),
        ("Thời hạn hoàn thành", Meaning.SCHEDULE),
        ("Kết quả/sản phẩm", Meaning.OUTPUT),
        ("Thực hiện", Meaning.ACTION),
        ("Ghi chú", Meaning.NOTES),
        ("Tỷ lệ (đối đa 100%)", Meaning.UNKNOWN),
    ],
)
def test_header_wordings_of_the_seeds_and_beyond(header: str, expected: Meaning) -> None:
    assert meaning(words_key(header)) is expected


def test_a_two_row_header_joins_the_spanning_heading_to_each_column_beneath() -> None:
    layout = recognise(
        [
            ("TT", "Nhóm tiêu chí/ Tiêu chí thành phần", "Tỷ lệ (đối đa 100%)", "",
             "Nhiệm vụ, giải pháp", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp thực hiện",
             "Thời gian thực hiện"),
            ("", "", "Kết quả năm 2022", "Mục tiêu năm 2023", "", "", "", ""),
        ]
    )  # fmt: skip
    assert layout is not None and layout.rows == 2
    assert [(c.meaning, c.year, c.percent) for c in layout.columns[2:4]] == [
        (Meaning.ACHIEVED, 2022, True),
        (Meaning.TARGET, 2023, True),
    ]
    assert layout.kind is TableKind.MIXED


@pytest.mark.parametrize(
    ("headers", "kind"),
    [
        (("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Ghi chú"),
         TableKind.CRITERIA_FRAMEWORK),
        (("Stt", "Tiêu chí", "Điểm chuẩn", "Điểm đạt được năm 2018", "Mục tiêu năm 2019"),
         TableKind.CRITERIA),
        (("Số TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
          "Sản phẩm"), TableKind.TASKS),
        (("TT", "Tiêu chí", "Điểm tối đa", "Mục tiêu năm 2023", "Nhiệm vụ, giải pháp",
          "Cơ quan chủ trì thực hiện"), TableKind.MIXED),
    ],
)  # fmt: skip
def test_tables_are_told_apart_by_their_headers(headers: tuple[str, ...], kind: TableKind) -> None:
    layout = recognise([headers])
    assert layout is not None and layout.kind is kind


def test_a_data_row_is_never_taken_for_a_header() -> None:
    assert recognise([("1", "TC 1.1. Thực hiện kế hoạch CCHC", "1,50", "Sở Nội vụ")]) is None
    assert recognise([("TỔNG ĐIỂM TỐI ĐA", "", "100", "")]) is None


def rows(*lines: str) -> list[Row]:
    return [Row(tuple(line.split("\t")), Origin(n), 1) for n, line in enumerate(lines, start=1)]


BAC_KAN_HEADER = (
    "TT\tLĩnh vực/Tiêu chí/ Tiêu chí thành phần\tĐiểm tối đa\tMục tiêu năm 2023\t"
    "Nhiệm vụ, giải pháp\tCơ quan chủ trì thực hiện\tCơ quan phối hợp thực hiện\t"
    "Thời gian thực hiện"
)


def test_rows_of_a_plan_table_are_sections_criteria_continuations_and_totals() -> None:
    layout = recognise([tuple(BAC_KAN_HEADER.split("\t"))])
    assert layout is not None
    found = classify(
        layout,
        rows(
            "III\t\t\t\t\t\t\t",
            "CẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\t\t\t\t\t\t",
            "1\tTCTP 3.2.3. Công khai tiến độ\t1,00\t100% hồ sơ\tTheo dõi\tVăn phòng UBND tỉnh\t\t"
            "Thường xuyên",
            "\t\t\t\tSố liệu hồ sơ\tSở Thông tin và Truyền thông\t\tThường xuyên",
            "VII I\tTÁC ĐỘNG CỦA CCHC\t\t\t\t\t\t",
            "VIII TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN\t\t\t\t\t\t\t",
            "\tTỔNG\t\t\t\t\t\t",
        ),
    )
    assert [(r.kind, r.name) for r in found] == [
        (RowKind.SECTION, ""),
        (RowKind.SECTION_NAME, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        (RowKind.ANCHOR, "Công khai tiến độ"),
        (RowKind.CONTINUATION, ""),
        (RowKind.SECTION, "TÁC ĐỘNG CỦA CCHC"),
        (RowKind.SECTION, "TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN"),
        (RowKind.TOTAL, "TỔNG"),
    ]
    assert [r.section.numeral for r in found if r.section] == [
        "III", "III", "III", "III", "VIII", "VIII", "VIII",
    ]  # fmt: skip
    assert (str(found[2].code), found[2].reference) == ("3.2.3", "III.1")


def test_codes_in_the_tt_column_restart_under_roman_sections_for_sipas() -> None:
    layout = recognise(
        [("TT", "Nhóm tiêu chí/ Tiêu chí thành phần", "Kết quả năm 2022", "Mục tiêu năm 2023")]
    )
    assert layout is not None
    found = classify(
        layout,
        rows(
            "I\tNHÓM TIÊU CHÍ XÂY DỰNG CHÍNH SÁCH\t\t",
            "1\tTrách nhiệm giải trình\t76,15\t86,15",
            "1.1\tHình thức cung cấp thông tin\t75,59\t85,59",
            "II\tNHÓM TIÊU CHÍ CUNG ỨNG DỊCH VỤ\t\t",
            "1\tTiếp cận dịch vụ\t76,21\t86,21",
        ),
    )
    assert [str(r.code) for r in found if r.kind is RowKind.ANCHOR] == ["I.1", "I.1.1", "II.1"]


def test_a_total_may_sit_in_the_tt_column_or_in_the_name_column() -> None:
    layout = recognise([("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Ghi chú")])
    assert layout is not None
    found = classify(layout, rows("\tTỔNG ĐIỂM TỐI ĐA\t100\t", "TỔNG ĐIỂM TỐI ĐA\t\t100\t"))
    assert [r.kind for r in found] == [RowKind.TOTAL, RowKind.TOTAL]


def test_cells_lose_their_html_but_keep_their_paragraphs() -> None:
    cell = "<p>Đôn đốc các cơ quan, đơn vị</p> <p>Thực hiện chế độ báo cáo (<i>định kỳ</i>)</p>"
    assert paragraphs(cell) == ("Đôn đốc các cơ quan, đơn vị", "Thực hiện chế độ báo cáo (định kỳ)")
    assert cell_text('<ul style="list-style-type: none"> - Triển khai mạnh') == "- Triển khai mạnh"
    assert paragraphs("dòng một\ndòng hai") == ("dòng một", "dòng hai")


def test_a_table_without_a_tt_column_reads_codes_and_sections_from_the_names() -> None:
    layout = recognise([("Tiêu chí", "Điểm tối đa", "Mục tiêu năm 2025")])
    assert layout is not None
    found = classify(
        layout,
        rows("I. CÔNG TÁC CHỈ ĐẠO\t\t", "1.1. Kế hoạch CCHC\t1,5\t1,5", "TC 1.2. Báo cáo\t2\t2"),
    )
    assert [(r.kind, str(r.code) if r.code else None, r.name) for r in found] == [
        (RowKind.SECTION, None, "CÔNG TÁC CHỈ ĐẠO"),
        (RowKind.ANCHOR, "1.1", "Kế hoạch CCHC"),
        (RowKind.ANCHOR, "1.2", "Báo cáo"),
    ]


def test_agency_columns_grouped_under_one_heading_over_two_rows() -> None:
    layout = recognise(
        [
            ("TT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian"),
            ("", "", "Chủ trì", "Phối hợp", ""),
        ]
    )
    assert layout is not None and layout.rows == 2
    assert [c.meaning for c in layout.columns] == [
        Meaning.NUMBER,
        Meaning.TASK,
        Meaning.LEAD,
        Meaning.COORDINATING,
        Meaning.SCHEDULE,
    ]
