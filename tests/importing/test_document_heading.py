"""The document's heading as provinces write it: a title over several lines or on the kind's
own line, a city's people's committee."""

from __future__ import annotations

import pytest

from planner.importer.document_header import read_header
from planner.importer.findings import Findings
from planner.importer.source import Origin, Paragraph


def heading(*lines: str) -> tuple[str, str, str]:
    paragraphs = [Paragraph(text, Origin(line=n)) for n, text in enumerate(lines, start=1)]
    header = read_header(paragraphs, Findings())
    return header.kind, header.title, header.issuer


def test_a_title_running_over_three_lines_is_read_whole() -> None:
    assert heading(
        "UBND TỈNH BẮC KẠN",
        "KẾ HOẠCH",
        "Nâng cao Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ",
        "của cơ quan hành chính nhà nước (SIPAS)",
        "năm 2024",
        "Căn cứ Kế hoạch cải cách hành chính năm 2024 của tỉnh;",
    )[1] == (
        "Nâng cao Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan "
        "hành chính nhà nước (SIPAS) năm 2024"
    )


def test_a_title_in_capitals_over_two_lines_stops_at_the_body() -> None:
    assert (
        heading(
            "KẾ HOẠCH",
            "NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
            "NĂM 2024",
            "Thực hiện Quyết định số 12/QĐ-UBND, UBND tỉnh ban hành Kế hoạch như sau:",
        )[1]
        == "NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    )


def test_a_title_on_the_line_of_the_kind() -> None:
    assert heading("KẾ HOẠCH NÂNG CAO CHỈ SỐ PAPI NĂM 2024")[:2] == (
        "KẾ HOẠCH",
        "NÂNG CAO CHỈ SỐ PAPI NĂM 2024",
    )


@pytest.mark.parametrize(
    ("first", "issuer"),
    [
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "UBND thành phố Hải Phòng"),
        ("UBND TỈNH GIA LAI", "UBND tỉnh Gia Lai"),
    ],
)
def test_the_issuer_is_the_province_or_the_city(first: str, issuer: str) -> None:
    assert heading(first, "KẾ HOẠCH", "Nâng cao Chỉ số PAPI năm 2024")[2] == issuer
