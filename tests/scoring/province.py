"""Điện Biên's scoring as Quyết định 2270/QĐ-UBND lays it out: Bảng 1, Bảng 2, its districts."""

from __future__ import annotations

from datetime import date
from functools import cache

from planner.application.planner import Planner
from planner.domain.actor import Actor, Role
from planner.domain.agency import AgencyKind
from planner.domain.agency_registry import DISTRICTS
from planner.domain.criteria_set import Criterion, UnitKind
from planner.domain.identity import criteria_set_id
from planner.domain.scoring.calendar import ScoringCalendar
from planner.domain.scoring.round import ScoringRound
from planner.importer.document_file import read_document
from planner.importer.reading import read_plan_document
from tests.conftest import vietnam_time
from tests.importing.documents import DIEN_BIEN, seed
from tests.importing.registry import default_directory

DISTRICT_UNITS = (
    ("UBND_TPDBP", "UBND thành phố Điện Biên Phủ"),
    ("UBND_TXML", "UBND thị xã Mường Lay"),
    ("UBND_DIENBIEN", "UBND huyện Điện Biên"),
    ("UBND_DBDONG", "UBND huyện Điện Biên Đông"),
    ("UBND_MUONGANG", "UBND huyện Mường Ảng"),
    ("UBND_MUONGCHA", "UBND huyện Mường Chà"),
    ("UBND_MUONGNHE", "UBND huyện Mường Nhé"),
    ("UBND_NAMPO", "UBND huyện Nậm Pồ"),
    ("UBND_TUACHUA", "UBND huyện Tủa Chùa"),
    ("UBND_TUANGIAO", "UBND huyện Tuần Giáo"),
)
DISTRICT_GROUP = DISTRICTS
MONITOR = Actor("chuyen-vien.snv", "SNV", Role.MONITOR)
CALENDAR_2024 = ScoringCalendar.usual(2024)  # 31/01/2025, 28/02/2025, answers to 10/03/2025
IN_JANUARY = vietnam_time(date(2025, 1, 15))
IN_FEBRUARY = vietnam_time(date(2025, 2, 10))
AFTER_ANSWERS = vietnam_time(date(2025, 3, 11))


def staff(unit: str) -> Actor:
    return Actor(f"can-bo.{unit.lower()}", unit, Role.AGENCY)


@cache
def criteria(kind: UnitKind) -> tuple[Criterion, ...]:
    """Bảng 1 (departments) or Bảng 2 (districts), read by the importer from the seed."""
    report = read_plan_document(read_document(seed(DIEN_BIEN)), default_directory())
    assert report.document is not None
    return next(s.criteria for s in report.document.criteria_sets if s.unit_kind is kind)


def new_round(kind: UnitKind, units: tuple[str, ...], year: int = 2024) -> ScoringRound:
    return ScoringRound.create(
        year=year,
        unit_kind=kind,
        criteria_set_id=criteria_set_id("Điện Biên", 2024, kind.value),
        criteria_set_version=1,
        criteria=criteria(kind),
        calendar=ScoringCalendar.usual(year),
        units=units,
        actor=MONITOR,
        at=vietnam_time(date(year, 12, 20)),
    )


def set_up_province(planner: Planner) -> None:
    """Điện Biên's registry with its ten districts, and 2270/QĐ-UBND imported."""
    for code, name in DISTRICT_UNITS:
        planner.agencies.register(
            code, name, AgencyKind.DISTRICT, planner.system, groups=(DISTRICT_GROUP,)
        )
    report = read_plan_document(read_document(seed(DIEN_BIEN)), planner.views.directory())
    assert report.document is not None
    planner.imports.store(report.document, planner.system, reason="nhập Quyết định 2270")
