"""A whole year: 19 departments and 10 districts self-assess, are appraised and ranked."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from api.scoring.answers import Results
from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.application.scoring import SelfAssessmentEntry
from planner.domain.actor import Actor, Role
from planner.domain.criteria_set import UnitKind
from planner.domain.errors import NotPermitted
from planner.domain.evidence import Evidence
from planner.domain.score_target import ResultKind
from planner.domain.scoring.results import rounded
from planner.presentation.json_document import to_json
from planner.presentation.scoring_results import results_document
from planner.reports.delivery import ReportFormat
from planner.reports.scoring_report import render_scoring
from tests.conftest import vietnam_time
from tests.scoring.province import DISTRICT_UNITS, set_up_province

YEAR = 2024
PROOF = Evidence.of("Báo cáo kết quả CCHC năm 2024", link="https://dienbien.gov.vn/cchc/2024")


def unit_staff(planner: Planner, unit: str) -> Actor:
    return planner.actor(f"can-bo.{unit.lower()}", unit, Role.AGENCY)


def self_assess_everything(planner: Planner, kind: UnitKind, gap: int) -> dict[str, Decimal]:
    """Unit number i leaves out the full points of its first i rows; returns each unit's total."""
    scoring = planner.scoring
    round_ = scoring.round(YEAR, kind)
    claimed: dict[str, Decimal] = {}
    for number, unit in enumerate(round_.units):
        actor = unit_staff(planner, unit)
        card = scoring.scorecard(YEAR, kind, unit, actor)
        entries = [
            SelfAssessmentEntry(str(row.code), Decimal(0), (), "Chưa thực hiện trong năm")
            if position < number * gap
            else SelfAssessmentEntry(str(row.code), row.max_points or Decimal(0), (PROOF,))
            for position, row in enumerate(card.own_rows(round_))
        ]
        scoring.self_assess_many(YEAR, kind, unit, entries[:10], actor)  # a draft first
        scoring.self_assess_many(YEAR, kind, unit, entries, actor)
        total = sum((Decimal(entry.points) for entry in entries), Decimal(0))
        scoring.submit(YEAR, kind, unit, actor)
        claimed[unit] = total
    return claimed


def test_a_year_of_scoring_for_departments_and_districts(
    planner: Planner, clock: FixedClock
) -> None:
    set_up_province(planner)
    monitor = planner.actor("chuyen-vien.snv", "SNV", Role.MONITOR)
    scoring = planner.scoring
    clock.set(vietnam_time(date(2024, 12, 20)))
    scoring.create_round(YEAR, UnitKind.DEPARTMENT, monitor)
    scoring.create_round(YEAR, UnitKind.DISTRICT, monitor)
    departments = scoring.round(YEAR, UnitKind.DEPARTMENT)
    districts = scoring.round(YEAR, UnitKind.DISTRICT)
    assert (len(departments.units), len(districts.units)) == (19, 10)

    clock.set(vietnam_time(date(2025, 1, 20)))
    claimed = {
        UnitKind.DEPARTMENT: self_assess_everything(planner, UnitKind.DEPARTMENT, 1),
        UnitKind.DISTRICT: self_assess_everything(planner, UnitKind.DISTRICT, 2),
    }
    with pytest.raises(NotPermitted) as refused:
        scoring.scorecard(YEAR, UnitKind.DEPARTMENT, "STP", unit_staff(planner, "STC"))
    assert refused.value.message == "can-bo.stc (STC) không được xem phiếu chấm của STP"

    clock.set(vietnam_time(date(2025, 2, 12)))
    expected: dict[str, Decimal] = {}
    for kind, round_ in ((UnitKind.DEPARTMENT, departments), (UnitKind.DISTRICT, districts)):
        survey_rows = [row for row in round_.leaves if row.survey_based]
        for unit in round_.units:
            # The team cuts 1.2 (a criterion without sub-criteria) to 1 point with a reason;
            # the survey gives every survey row half its maximum.
            own = scoring.scorecard(YEAR, kind, unit, monitor).self_assessed["1.2"].points
            scoring.appraise(YEAR, kind, unit, "1.2", 1, monitor, reason="Thiếu báo cáo quý")
            halves = {str(r.code): (r.max_points or Decimal(0)) / 2 for r in survey_rows}
            scoring.enter_survey_many(YEAR, kind, unit, halves, monitor)
            survey = sum(((r.max_points or Decimal(0)) / 2 for r in survey_rows), Decimal(0))
            expected[unit] = claimed[kind][unit] - own + 1 + survey

    leader = districts.units[0]  # the first district claimed every point it scores itself
    clock.set(vietnam_time(date(2025, 3, 5)))
    scoring.respond(
        YEAR,
        UnitKind.DISTRICT,
        leader,
        "1.2",
        "Bổ sung báo cáo quý IV",
        unit_staff(planner, leader),
        evidence=[PROOF],
    )

    clock.set(vietnam_time(date(2025, 3, 11)))
    for kind, round_ in ((UnitKind.DEPARTMENT, departments), (UnitKind.DISTRICT, districts)):
        for unit in round_.units:
            scoring.finalize(YEAR, kind, unit, monitor)

    department_results = scoring.results(YEAR, UnitKind.DEPARTMENT)
    district_results = scoring.results(YEAR, UnitKind.DISTRICT)

    for found in (department_results, district_results):
        assert all(r.result.kind is ResultKind.OFFICIAL for r in found.ranked)
        assert {r.result.unit: r.result.achieved for r in found.ranked} == {
            unit: expected[unit] for unit in found.names
        }
        percents = [r.result.percent for r in found.ranked]
        assert percents == sorted(percents, reverse=True)
        for before, after in zip(found.ranked, found.ranked[1:], strict=False):
            tied = before.result.percent == after.result.percent
            assert after.rank == (before.rank if tied else found.ranked.index(after) + 1)
        # /api/scoring/.../results answers what `planner scoring results --json` prints
        document = results_document(found)
        assert Results.model_validate(document).model_dump(mode="json") == to_json(document)
    first = district_results.ranked[0]
    assert first.result.unit == leader
    assert first.result.percent == expected[leader]  # out of 100
    card = scoring.scorecard(YEAR, UnitKind.DISTRICT, leader, monitor)
    assert card.responses["1.2"][0].explanation == "Bổ sung báo cáo quý IV"

    workbook = load_workbook(io.BytesIO(render_scoring(district_results, ReportFormat.XLSX)))
    sheet = workbook["xep-hang"]
    assert sheet["A1"].value == "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    assert sheet["A3"].value == "10/10 đơn vị đã chốt kết quả thẩm định; hạn công bố 30/06/2025"
    assert [cell.value for cell in sheet[5]][:6] == [
        "Hạng",
        "Đơn vị",
        "Điểm đạt được",
        "Điểm tối đa",
        "Chỉ số CCHC",
        "Xếp loại",
    ]
    assert [cell.value for cell in sheet[6]][:6] == [
        1,
        dict(DISTRICT_UNITS)[leader],
        first.result.achieved,
        Decimal(100),
        rounded(first.result.percent),
        first.result.grade.label,
    ]
    assert sheet.max_row == 5 + 10 + 2  # the ranking, a blank row, the note
    areas = workbook["linh-vuc"]
    assert areas.cell(row=6, column=2).value == dict(DISTRICT_UNITS)[leader]
    assert areas.cell(row=6, column=3).value == first.result.areas[0].achieved
