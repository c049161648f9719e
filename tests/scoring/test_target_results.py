"""The result a unit's own plan reads for each target, computed by hand from Bảng 1."""

from __future__ import annotations

from decimal import Decimal

from planner.domain.criteria_set import UnitKind
from planner.domain.criterion import CriterionCode
from planner.domain.score_target import ResultKind
from planner.domain.scoring.scorecard import UnitScorecard
from planner.domain.scoring.target_results import StatedTarget, target_results
from tests.scoring.province import AFTER_ANSWERS, IN_FEBRUARY, IN_JANUARY, MONITOR, new_round, staff
from tests.scoring.test_scoring_arithmetic import full_marks


def stated(code: str, percent: bool = False) -> StatedTarget:
    return StatedTarget(CriterionCode.parse(code) if code else CriterionCode.total(), percent)


def test_targets_on_rows_criteria_areas_and_the_total_read_the_units_points() -> None:
    round_ = new_round(UnitKind.DEPARTMENT, ("STP",))
    card = UnitScorecard.open(round_, "STP", MONITOR, IN_JANUARY)
    card.mark_not_evaluated(round_, "1.8", "Không có nhiệm vụ năm 2024", MONITOR, IN_JANUARY)
    full_marks(round_, card)
    card.self_assess(
        round_, "1.1.1", Decimal("0.25"), [], "Ban hành muộn", staff("STP"), IN_JANUARY
    )
    card.submit(round_, staff("STP"), IN_JANUARY)
    card.appraise(round_, "1.2", Decimal(2), "Thiếu báo cáo quý III", MONITOR, IN_FEBRUARY)
    for code, points in (("1.10.1", "1"), ("1.10.2", "0.5"), ("1.10.3", "1")):
        card.enter_survey(round_, code, Decimal(points), MONITOR, IN_FEBRUARY)
    card.finalize(round_, MONITOR, AFTER_ANSWERS)

    found = target_results(
        round_.criteria,
        card.scores(round_),
        [
            stated("TC 1.1.1."),
            stated("1.1"),
            stated("1.2"),
            stated("1.8"),  # not evaluated: no result
            stated("1.10"),
            stated("1.10.4"),  # survey not entered: no result
            stated("9.9"),  # not a row of Bảng 1: no result
            stated("1"),
            stated(""),
            stated("", percent=True),
        ],
    )

    assert all(r.kind is ResultKind.OFFICIAL for r in found)
    assert [(str(r.code), r.points) for r in found] == [
        ("1.1.1", Decimal("0.25")),
        ("1.1", Decimal("1.25")),  # 0,25 + 1.1.2 at its maximum 1
        ("1.2", Decimal(2)),  # appraised
        ("1.10", Decimal("2.5")),  # survey 1 + 0,5 + 1
        # Area 1 (24): less 1.8 (2,5), 1.1.1's 0,25, 1.2's 1 and the survey rows' 4, plus 2,5.
        ("1", Decimal("18.75")),
        # Every row not by survey (77,75 after 1.8 and the importer's missing 2.3.1), less 1,25,
        # plus 2,5 of survey points: 79; of a maximum of 97,5 it is 81,03 %.
        ("", Decimal(79)),
        ("", Decimal("81.03")),
    ]
