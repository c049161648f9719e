"""Agency registries to read documents against, without a database."""

from __future__ import annotations

from planner.domain.agency_directory import AgencyDirectory, AgencyRecord
from planner.domain.agency_registry import COMMUNES, DEFAULT_AGENCIES, DISTRICTS

BAC_KAN_DISTRICTS = (
    ("UBND_TPBK", "UBND thành phố Bắc Kạn"),
    ("UBND_BABE", "UBND huyện Ba Bể"),
    ("UBND_BACHTHONG", "UBND huyện Bạch Thông"),
    ("UBND_CHODON", "UBND huyện Chợ Đồn"),
    ("UBND_CHOMOI", "UBND huyện Chợ Mới"),
    ("UBND_NARI", "UBND huyện Na Rì"),
    ("UBND_NGANSON", "UBND huyện Ngân Sơn"),
    ("UBND_PACNAM", "UBND huyện Pác Nặm"),
)


def default_directory(*extra: AgencyRecord) -> AgencyDirectory:
    """The usual provincial bodies `planner init` registers, plus `extra`."""
    records = [AgencyRecord(a.code, a.name, a.aliases, a.groups) for a in DEFAULT_AGENCIES]
    return AgencyDirectory([*records, *extra])


def bac_kan_directory() -> AgencyDirectory:
    """Bắc Kạn's registry once Sở Nội vụ has added its districts and two communes."""
    districts = [AgencyRecord(code, name, groups=(DISTRICTS,)) for code, name in BAC_KAN_DISTRICTS]
    communes = [
        AgencyRecord("UBND_XA_HUYENTUNG", "UBND xã Huyền Tụng", groups=(COMMUNES,)),
        AgencyRecord("UBND_XA_NONGTHUONG", "UBND xã Nông Thượng", groups=(COMMUNES,)),
    ]
    return default_directory(*districts, *communes)
