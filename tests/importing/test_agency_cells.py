"""Agency cells as the seed plans write them, matched against the registry — never invented."""

from __future__ import annotations

import pytest

from planner.domain.agency_directory import AgencyRecord
from planner.importer.agency_names import AgencyNames, Mention, MentionKind
from tests.importing.registry import bac_kan_directory, default_directory

DEPARTMENTS = len([a for a in default_directory().agencies.values() if a.groups])


@pytest.fixture(scope="module")
def names() -> AgencyNames:
    return AgencyNames(bac_kan_directory(), "Bắc Kạn")


def read(names: AgencyNames, cell: str) -> list[tuple[str, str, str]]:
    return [(m.kind.value, m.wording, m.target) for m in names.in_cell(cell)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Sở Nội vụ", [("agency", "Sở Nội vụ", "SNV")]),
        (
            "Văn phòng UBND tỉnh; các Sở: Nội vụ; Tư pháp; Tài chính; Thông tin và Truyền thông "
            "Đài Phát thanh và Truyền hình Bắc Kạn",
            [
                ("agency", "Văn phòng UBND tỉnh", "VPUBND"),
                ("agency", "Nội vụ", "SNV"),
                ("agency", "Tư pháp", "STP"),
                ("agency", "Tài chính", "STC"),
                ("agency", "Thông tin và Truyền thông", "STTTT"),
                ("agency", "Đài Phát thanh và Truyền hình Bắc Kạn", "DPTTH"),
            ],
        ),
        (
            "Sở Nội vụ Các sở, ban, ngành; UBND cấp huyện",
            [
                ("agency", "Sở Nội vụ", "SNV"),
                ("group", "Các sở, ban, ngành", "SO_BAN_NGANH"),
                ("group", "UBND cấp huyện", "UBND_CAP_HUYEN"),
            ],
        ),
        (
            "Các sở, BAN, ngành, UBND cấp huyện, cấp xã",
            [
                ("group", "Các sở, BAN, ngành", "SO_BAN_NGANH"),
                ("group", "UBND cấp huyện", "UBND_CAP_HUYEN"),
                ("group", "cấp xã", "UBND_CAP_XA"),
            ],
        ),
        (
            "Sở Công thương Sở Giao thông vận tải; UBND cấp huyện Sở Nông nghiệp và Phát triển "
            "nông thôn",
            [
                ("agency", "Sở Công thương", "SCT"),
                ("agency", "Sở Giao thông vận tải", "SGTVT"),
                ("group", "UBND cấp huyện", "UBND_CAP_HUYEN"),
                ("agency", "Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT"),
            ],
        ),
        ("BHXH tỉnh Bắc Kạn", [("agency", "BHXH tỉnh Bắc Kạn", "BHXH")]),
        ("Báo Bắc Kạn", [("agency", "Báo Bắc Kạn", "BAO")]),
        ("Cục thuế tỉnh", [("agency", "Cục thuế tỉnh", "CTHUE")]),
        ("Uỷ ban MTTQ Việt Nam tỉnh", [("agency", "Uỷ ban MTTQ Việt Nam tỉnh", "MTTQ")]),
        ("UBND huyện Ba Bể", [("agency", "UBND huyện Ba Bể", "UBND_BABE")]),
        (
            "Các đơn vị được kiểm tra trong năm",
            [("descriptive", "Các đơn vị được kiểm tra trong năm", "")],
        ),
        (
            "Sở Nội vụ; một số đơn vị liên quan",
            [("agency", "Sở Nội vụ", "SNV"), ("descriptive", "một số đơn vị liên quan", "")],
        ),
        (
            "Các sở, ngành liên quan",
            [("qualified_group", "Các sở, ngành liên quan", "SO_BAN_NGANH")],
        ),
        (
            "Một số sở, ban, ngành liên quan; UBND cấp huyện",
            [
                ("qualified_group", "Một số sở, ban, ngành liên quan", "SO_BAN_NGANH"),
                ("group", "UBND cấp huyện", "UBND_CAP_HUYEN"),
            ],
        ),
        (
            "Công ty Điện lực Bắc Kạn; các sở, ban, ngành",
            [
                ("unknown", "Công ty Điện lực Bắc Kạn", ""),
                ("group", "các sở, ban, ngành", "SO_BAN_NGANH"),
            ],
        ),
        (
            "Văn phòng UBND tỉnh, Văn phòng UBND cấp huyện",
            [
                ("agency", "Văn phòng UBND tỉnh", "VPUBND"),
                ("unknown", "Văn phòng UBND cấp huyện", ""),
            ],
        ),
        (
            "<p>Sở Y tế</p> <p>Sở Thông tin và Truyền thông</p>",
            [("agency", "Sở Y tế", "SYT"), ("agency", "Sở Thông tin và Truyền thông", "STTTT")],
        ),
    ],
)
def test_agency_cells_of_the_seed_plans(
    names: AgencyNames, cell: str, expected: list[tuple[str, str, str]]
) -> None:
    assert read(names, cell) == expected


def test_collective_names_expand_to_their_registered_members(names: AgencyNames) -> None:
    [departments, districts] = names.in_cell("Các sở, ban, ngành; UBND cấp huyện")
    assert len(departments.codes) == DEPARTMENTS
    assert districts.codes[:2] == ("UBND_TPBK", "UBND_BABE") and len(districts.codes) == 8


def test_a_short_department_name_is_only_read_in_a_list_after_cac_so(names: AgencyNames) -> None:
    """'Xây dựng' is a verb in a sentence, and Sở Xây dựng only after 'các Sở:'."""
    assert names.leading("Xây dựng kế hoạch của cơ quan") == ()
    assert read(names, "các Sở: Xây dựng; Y tế") == [
        ("agency", "Xây dựng", "SXD"),
        ("agency", "Y tế", "SYT"),
    ]
    assert names.in_cell("Khi có văn bản chỉ đạo của Bộ Thông tin và Truyền thông")[0].kind is (
        MentionKind.UNKNOWN
    )


def test_an_unknown_name_suggests_the_closest_known_names(names: AgencyNames) -> None:
    [mention] = names.in_cell("Ủy ban MTTQ Việt Nam các cấp")
    assert mention == Mention(
        "Ủy ban MTTQ Việt Nam các cấp",
        MentionKind.UNKNOWN,
        closest=("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    )


def test_an_alias_added_to_the_registry_is_matched_on_the_next_import() -> None:
    added = AgencyRecord("DIENLUC", "Công ty Điện lực Bắc Kạn", aliases=("PC Bắc Kạn",))
    names = AgencyNames(default_directory(added), "Bắc Kạn")
    assert read(names, "PC Bắc Kạn; Sở Công Thương") == [
        ("agency", "PC Bắc Kạn", "DIENLUC"),
        ("agency", "Sở Công Thương", "SCT"),
    ]


def test_a_sentence_is_led_by_the_agencies_it_starts_with(names: AgencyNames) -> None:
    lead = names.leading(
        "Sở Nội vụ, Sở Tài chính, Sở Kế hoạch và Đầu tư, Sở Tài nguyên và Môi trường tiếp tục "
        "tham mưu duy trì thực hiện Nghị quyết số 21/NQ-CP"
    )
    assert [m.target for m in lead] == ["SNV", "STC", "SKHDT", "STNMT"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Sở TT&TT", [("agency", "Sở TT&TT", "STTTT")]),
        (
            "Sở KH&ĐT, Sở LĐ-TB&XH",
            [("agency", "Sở KH&ĐT", "SKHDT"), ("agency", "Sở LĐ-TB&XH", "SLDTBXH")],
        ),
        ("Sở TN&MT; Sở GDĐT", [("agency", "Sở TN&MT", "STNMT"), ("agency", "Sở GDĐT", "SGDDT")]),
        ("Chủ tịch UBND cấp huyện", [("group", "Chủ tịch UBND cấp huyện", "UBND_CAP_HUYEN")]),
        ("Giám đốc Sở Tư pháp", [("agency", "Giám đốc Sở Tư pháp", "STP")]),
        ("UBND xã, phường, thị trấn", [("group", "UBND xã, phường, thị trấn", "UBND_CAP_XA")]),
    ],
)
def test_short_names_and_titles_name_the_body(
    names: AgencyNames, cell: str, expected: list[tuple[str, str, str]]
) -> None:
    assert read(names, cell) == expected


def test_a_short_name_two_departments_share_is_asked_about_not_guessed() -> None:
    directory = default_directory()  # Sở Nội vụ and Sở Ngoại vụ are both "Sở NV"
    assert {"SNV", "SNGV"} <= set(directory.agencies)
    [mention] = AgencyNames(directory).in_cell("Sở NV")
    assert mention.kind is MentionKind.UNKNOWN


@pytest.mark.parametrize(
    ("cell", "lead", "coordinating"),
    [
        ("Chủ trì: Sở Nội vụ; Phối hợp: Sở Tư pháp, Sở Tài chính", ["SNV"], ["STP", "STC"]),
        ("Sở Nội vụ (chủ trì); Sở Tư pháp (phối hợp)", ["SNV"], ["STP"]),
        ("Cơ quan chủ trì: Sở Y tế. Cơ quan phối hợp: UBND cấp huyện", ["SYT"], ["UBND_CAP_HUYEN"]),
        ("Chủ trì: Sở Nội vụ\nPhối hợp:\nSở Tư pháp\nSở Tài chính", ["SNV"], ["STP", "STC"]),
        ("Chủ trì: SNV; Phối hợp: STP", ["SNV"], ["STP"]),
    ],
)
def test_one_cell_may_name_the_lead_and_the_coordinating_bodies_by_label(
    names: AgencyNames, cell: str, lead: list[str], coordinating: list[str]
) -> None:
    found = names.in_cell(cell)
    assert [m.target for m in found if not m.coordinating] == lead
    assert [m.target for m in found if m.coordinating] == coordinating
    assert all(m.kind is not MentionKind.UNKNOWN for m in found)
