"""The usual provincial bodies, as the seed plans name them, to start a province's registry."""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.agency import AgencyKind


@dataclass(frozen=True)
class AgencyGroup:
    """A collective name in the plans, such as "Các sở, ban, ngành"."""

    code: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class AgencyEntry:
    code: str
    name: str
    kind: AgencyKind
    aliases: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()


DEPARTMENTS = "SO_BAN_NGANH"
DISTRICTS = "UBND_CAP_HUYEN"
COMMUNES = "UBND_CAP_XA"

GROUPS = (
    AgencyGroup(
        DEPARTMENTS,
        "Các sở, ban, ngành",
        (
            "Các sở, ngành",
            "Các sở, ban, ngành tỉnh",
            "Các sở, ngành và tương đương",
            "Các Sở, Ban, ngành của tỉnh",
            "Các cơ quan chuyên môn thuộc UBND tỉnh",
            "Các cơ quan chuyên môn cấp tỉnh",
        ),
    ),
    AgencyGroup(
        DISTRICTS,
        "UBND cấp huyện",
        (
            "Ủy ban nhân dân cấp huyện",
            "UBND các huyện, thành phố",
            "UBND các huyện, thị xã, thành phố",
            "Ủy ban nhân dân các huyện, thành phố",
        ),
    ),
    AgencyGroup(
        COMMUNES,
        "UBND cấp xã",
        ("Ủy ban nhân dân cấp xã", "UBND các xã, phường, thị trấn"),
    ),
)


# Collective names that span several groups: "Các cơ quan, đơn vị, địa phương" is every
# department and every local government; "các địa phương" the districts and communes.
COLLECTIVES = (
    ("Các cơ quan, đơn vị, địa phương", (DEPARTMENTS, DISTRICTS, COMMUNES)),
    ("Các sở, ban, ngành, địa phương", (DEPARTMENTS, DISTRICTS, COMMUNES)),
    ("Các sở, ngành, địa phương", (DEPARTMENTS, DISTRICTS, COMMUNES)),
    ("Các địa phương", (DISTRICTS, COMMUNES)),
    ("UBND các cấp", (DISTRICTS, COMMUNES)),
    ("Ủy ban nhân dân các cấp", (DISTRICTS, COMMUNES)),
)


def _department(code: str, name: str, *aliases: str) -> AgencyEntry:
    short = name.removeprefix("Sở ").removeprefix("Ban ")
    return AgencyEntry(code, name, AgencyKind.DEPARTMENT, (short, *aliases), (DEPARTMENTS,))


def _other(code: str, name: str, *aliases: str) -> AgencyEntry:
    return AgencyEntry(code, name, AgencyKind.OTHER, aliases)


DEFAULT_AGENCIES = (
    _department("SNV", "Sở Nội vụ"),
    _department(
        "VPUBND",
        "Văn phòng UBND tỉnh",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "VP UBND tỉnh",
        "VPUB",
        "Văn phòng UBND",
    ),
    _department("STP", "Sở Tư pháp"),
    _department("STC", "Sở Tài chính"),
    _department("SKHDT", "Sở Kế hoạch và Đầu tư"),
    _department("STTTT", "Sở Thông tin và Truyền thông"),
    _department("SCT", "Sở Công Thương"),
    _department(
        "SLDTBXH",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Lao động, Thương binh và Xã hội",
        "Sở LĐTBXH",
    ),
    _department("STNMT", "Sở Tài nguyên và Môi trường", "Sở Tài nguyên môi trường"),
    _department("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    _department("SYT", "Sở Y tế"),
    _department("SXD", "Sở Xây dựng"),
    _department("SKHCN", "Sở Khoa học và Công nghệ"),
    _department("SGDDT", "Sở Giáo dục và Đào tạo"),
    _department("SGTVT", "Sở Giao thông vận tải"),
    _department("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    _department("SNGV", "Sở Ngoại vụ"),
    _department("TTT", "Thanh tra tỉnh"),
    _department("BDT", "Ban Dân tộc"),
    _other("DPTTH", "Đài Phát thanh và Truyền hình tỉnh", "Đài Phát thanh - Truyền hình tỉnh"),
    _other("BAO", "Báo tỉnh"),
    _other("CAT", "Công an tỉnh"),
    _other("CTHUE", "Cục Thuế tỉnh"),
    _other("BHXH", "Bảo hiểm xã hội tỉnh", "BHXH tỉnh"),
    _other("NHNN", "Ngân hàng Nhà nước chi nhánh tỉnh"),
    _other(
        "MTTQ",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Ủy ban Mặt trận Tổ quốc tỉnh",
    ),
    _other("LDLD", "Liên đoàn Lao động tỉnh"),
    _other("CTTDT", "Cổng thông tin điện tử tỉnh"),
    _other("BVDK", "Bệnh viện đa khoa tỉnh"),
)
