"""Sở Nội vụ of Điện Biên keeps the criteria its departments are scored on in 2024."""

from datetime import date
from decimal import Decimal

import pytest

from planner.application.planner import Planner
from planner.domain.actor import Actor, Role
from planner.domain.criteria_set import CriteriaSet, Criterion, UnitKind
from planner.domain.criterion import CriterionCode, Level
from planner.domain.errors import InvalidValue, NotPermitted
from tests.conftest import vietnam_time

SYSTEM = Actor("planner", "SNV", Role.SYSTEM)
AT = vietnam_time(date(2024, 12, 13))


def row(code: str, name: str, points: str, survey: bool = False) -> Criterion:
    return Criterion(CriterionCode.parse(code), name, Decimal(points), survey)


# Bảng 1 of Quyết định 2270/QĐ-UBND, area 1 cut down to a few rows.
DEPARTMENT_ROWS = (
    row("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "24"),
    row("1.1", "Kế hoạch CCHC năm", "1.5"),
    row("1.1.1", "Chất lượng kế hoạch CCHC", "0.5"),
    row("1.1.2", "Mức độ hoàn thành kế hoạch CCHC", "1"),
    row("1.10", "Kết quả chỉ đạo điều hành CCHC của các cơ quan chuyên môn thuộc UBND tỉnh", "4"),
    row("1.10.1", "Tác động của tuyên truyền đối với việc nâng cao nhận thức", "1", survey=True),
    row("1.10.2", "Chất lượng các văn bản chỉ đạo điều hành CCHC", "0.5", survey=True),
    row("2", "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT", "10.5"),
)


def define(criteria: tuple[Criterion, ...] = DEPARTMENT_ROWS, actor: Actor = SYSTEM) -> CriteriaSet:
    return CriteriaSet.define(
        province="Điện Biên",
        year=2024,
        unit_kind=UnitKind.DEPARTMENT,
        title="Chỉ số CCHC các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
        source="2270/QĐ-UBND",
        criteria=criteria,
        actor=actor,
        at=AT,
    )


def test_a_criteria_set_knows_its_tree_its_maximum_and_its_survey_points() -> None:
    criteria = define()
    assert criteria.max_total == Decimal("34.5")
    assert criteria.survey_max == Decimal("1.5")
    assert [c.code for c in criteria.children(CriterionCode.parse("1.1"))] == [
        CriterionCode.parse("1.1.1"),
        CriterionCode.parse("1.1.2"),
    ]
    found = criteria.criterion(CriterionCode.parse("1.10.2"))
    assert found is not None and found.level is Level.SUB_CRITERION and found.survey_based


def test_the_same_province_year_and_kind_of_unit_is_one_set() -> None:
    assert define().id == define().id
    district = CriteriaSet.define(
        province="ĐIỆN BIÊN",
        year=2024,
        unit_kind=UnitKind.DISTRICT,
        title="Chỉ số UBND các huyện, thị xã, thành phố",
        source="2270/QĐ-UBND",
        criteria=DEPARTMENT_ROWS,
        actor=SYSTEM,
        at=AT,
    )
    assert district.id != define().id


def test_a_code_listed_twice_is_refused_naming_it() -> None:
    twice = (*DEPARTMENT_ROWS, row("1.1.1", "Xử lý kết quả theo dõi thi hành pháp luật", "0.75"))
    with pytest.raises(InvalidValue, match=r"mã tiêu chí 1\.1\.1 xuất hiện hai lần"):
        define(twice)


def test_only_so_noi_vu_defines_criteria() -> None:
    with pytest.raises(NotPermitted, match="chỉ Sở Nội vụ"):
        define(actor=Actor("can-bo.stp", "STP", Role.AGENCY))


def test_a_corrected_table_is_recorded_only_when_it_differs() -> None:
    criteria = define()
    assert not criteria.revise(
        title=criteria.title,
        source=criteria.source,
        criteria=DEPARTMENT_ROWS,
        reason="nhập lại",
        actor=SYSTEM,
        at=AT,
    )
    corrected = (*DEPARTMENT_ROWS[:-1], row("2", "XÂY DỰNG VĂN BẢN QPPL", "11"))
    assert criteria.revise(
        title=criteria.title,
        source=criteria.source,
        criteria=corrected,
        reason="Quyết định sửa đổi",
        actor=SYSTEM,
        at=AT,
    )
    assert criteria.max_total == Decimal(35)


def test_criteria_sets_are_stored_and_listed_from_the_views(planner: Planner) -> None:
    criteria = define()
    planner.workspace.save(criteria)
    [found] = planner.views.criteria_sets(province="điện biên", year=2024, with_criteria=True)
    assert (found.unit_kind, found.max_total, found.survey_max, found.criteria_count) == (
        "department",
        Decimal("34.5"),
        Decimal("1.5"),
        8,
    )
    assert [(c.code, c.max_points, c.survey_based) for c in found.criteria[4:7]] == [
        ("1.10", Decimal(4), False),
        ("1.10.1", Decimal(1), True),
        ("1.10.2", Decimal("0.5"), True),
    ]
    stored = planner.workspace.load(CriteriaSet, criteria.id, "bộ tiêu chí")
    stored.revise(
        title=stored.title,
        source=stored.source,
        criteria=DEPARTMENT_ROWS[:4],
        reason="bỏ bớt",
        actor=SYSTEM,
        at=AT,
    )
    planner.workspace.save(stored)
    [revised] = planner.views.criteria_sets(year=2024, unit_kind="department", with_criteria=True)
    assert [c.code for c in revised.criteria] == ["1", "1.1", "1.1.1", "1.1.2"]
    assert revised.max_total == Decimal(24)
