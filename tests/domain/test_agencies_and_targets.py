"""Agencies are found by the names documents use and reorganised by events; targets hold results."""

from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import uuid4

import pytest

from planner.domain.actor import Actor, Role
from planner.domain.agency import Agency, AgencyKind, AgencyState
from planner.domain.agency_directory import AgencyDirectory, AgencyRecord
from planner.domain.agency_registry import DEFAULT_AGENCIES, DEPARTMENTS
from planner.domain.criterion import CriterionCode, Index, Level
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted, UnknownAgency
from planner.domain.score_target import Definition, ResultKind, ScoreTarget
from planner.domain.target import Target

NOW = datetime(2025, 3, 1, tzinfo=UTC)
ADMIN = Actor("admin", "SNV", Role.ADMIN)


def default_directory() -> AgencyDirectory:
    return AgencyDirectory(
        AgencyRecord(e.code, e.name, e.aliases, e.groups) for e in DEFAULT_AGENCIES
    )


def test_names_in_documents_find_their_agency() -> None:
    directory = default_directory()
    assert directory.find("Văn phòng Ủy ban nhân dân tỉnh") == "VPUBND"
    assert directory.find("SỞ NỘI VỤ") == "SNV"
    assert directory.find("Sở Lao động, Thương binh và Xã hội") == "SLDTBXH"
    assert directory.find("Sở Y tê") is None


def test_collective_names_expand_to_their_members() -> None:
    directory = default_directory()
    members = directory.resolve("Các sở, ban, ngành")
    assert "SNV" in members and "STP" in members and "CAT" not in members
    assert members == directory.members(DEPARTMENTS)


def test_unknown_names_are_reported_with_the_closest_known_names() -> None:
    with pytest.raises(UnknownAgency, match=r"không có cơ quan 'Sở Tư phap'.*Sở Tư pháp"):
        default_directory().resolve("Sở Tư phap")


def test_reorganised_bodies_roll_up_to_whoever_carries_them_on() -> None:
    directory = AgencyDirectory(
        [
            AgencyRecord("SKHDT", "Sở Kế hoạch và Đầu tư", active=False, carried_by="STC"),
            AgencyRecord("STC", "Sở Tài chính"),
            AgencyRecord("UBND_BABE", "UBND huyện Ba Bể", active=False, carried_by="XA_A"),
            AgencyRecord("XA_A", "UBND xã A", active=False, carried_by="XA_B"),
            AgencyRecord("XA_B", "UBND xã B"),
        ]
    )
    assert directory.successor("SKHDT") == "STC"
    assert directory.successor("UBND_BABE") == "XA_B"
    assert directory.predecessors("XA_B") == {"UBND_BABE", "XA_A"}
    assert directory.predecessors("STC") == {"SKHDT"}


def agency(code: str = "SKHDT") -> Agency:
    return Agency.register(
        code=code, name="Sở Kế hoạch và Đầu tư", kind=AgencyKind.DEPARTMENT, actor=ADMIN, at=NOW
    )


def test_merging_records_the_successor_and_ends_the_body() -> None:
    found = agency()
    found.merge_into("STC", date(2025, 3, 1), "Nghị quyết sáp nhập", ADMIN, NOW)
    assert found.state is AgencyState.MERGED and found.carried_by == "STC"
    with pytest.raises(InvalidTransition, match="đã sáp nhập"):
        found.rename("Sở mới", "", ADMIN, NOW)


def test_renaming_keeps_the_old_name_as_an_alias() -> None:
    found = agency("SNV")
    found.rename("Sở Nội vụ (mới)", "Hợp nhất với Sở LĐTBXH", ADMIN, NOW)
    assert "Sở Kế hoạch và Đầu tư" in found.aliases


def test_splitting_needs_an_heir_among_the_successors() -> None:
    with pytest.raises(InvalidValue, match="chia tách"):
        agency().split(("A", "B"), "C", date(2025, 3, 1), "", ADMIN, NOW)


def test_only_administrators_change_the_registry() -> None:
    with pytest.raises(NotPermitted):
        Agency.register(
            code="X", name="X", kind=AgencyKind.OTHER, actor=Actor("u", "STP", Role.AGENCY), at=NOW
        )
    with pytest.raises(InvalidValue, match="e-mail 'khong-hop-le'"):
        agency().set_emails(("khong-hop-le",), ADMIN, NOW)


def target() -> ScoreTarget:
    return ScoreTarget.set(
        plan_id=uuid4(),
        index=Index.PAR_INDEX,
        code=CriterionCode.parse("TC 1.2."),
        year=2023,
        definition=Definition(
            name="Thực hiện chế độ báo cáo định kỳ",
            level=Level.CRITERION,
            max_points=Decimal("0.5"),
            last_year_points=Decimal("0"),
            target=Target.parse("0,5"),
        ),
        actor=Actor("planner", "SNV", Role.SYSTEM),
        at=NOW,
    )


def test_points_above_the_maximum_are_refused() -> None:
    with pytest.raises(InvalidValue, match=r"kết quả 0.75 vượt điểm tối đa 0.5"):
        target().record_result(
            ResultKind.OFFICIAL, Decimal("0.75"), "", Actor("p", "SNV", Role.SYSTEM), NOW
        )
