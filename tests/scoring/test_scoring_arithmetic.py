"""A unit's index from Bảng 1, computed by hand: not-evaluated rows, survey points, grades."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planner.domain.criteria_set import UnitKind
from planner.domain.evidence import Evidence
from planner.domain.score_target import ResultKind
from planner.domain.scoring.grades import Grade
from planner.domain.scoring.results import ranking, rounded, unit_result
from planner.domain.scoring.round import ScoringRound
from planner.domain.scoring.scorecard import UnitScorecard, UnitScores
from tests.scoring.province import (
    AFTER_ANSWERS,
    IN_FEBRUARY,
    IN_JANUARY,
    MONITOR,
    new_round,
    staff,
)

REPORT = Evidence.of("Báo cáo CCHC năm 2024", link="https://snv.dienbien.gov.vn/bao-cao-2024")


def full_marks(round_: ScoringRound, card: UnitScorecard) -> None:
    """The unit claims every point of every row it scores itself, with evidence."""
    for row in card.own_rows(round_):
        card.self_assess(
            round_,
            str(row.code),
            row.max_points or Decimal(0),
            [REPORT],
            "",
            staff(card.unit),
            IN_JANUARY,
        )


def test_sở_tư_pháp_scores_with_a_row_not_evaluated_an_appraisal_and_survey_points() -> None:
    round_ = new_round(UnitKind.DEPARTMENT, ("STP",))
    card = UnitScorecard.open(round_, "STP", MONITOR, IN_JANUARY)
    # 1.8 (sáng kiến, 2,5 điểm) is not a duty of the department this year.
    card.mark_not_evaluated(round_, "1.8", "Không có nhiệm vụ năm 2024", MONITOR, IN_JANUARY)
    full_marks(round_, card)
    card.self_assess(
        round_, "1.1.1", Decimal("0.25"), [], "Kế hoạch ban hành muộn", staff("STP"), IN_JANUARY
    )
    card.submit(round_, staff("STP"), IN_JANUARY)
    card.appraise(round_, "1.2", Decimal(2), "Thiếu báo cáo quý III", MONITOR, IN_FEBRUARY)
    for code in ("1.10.1", "1.10.3", "1.10.5"):
        card.enter_survey(round_, code, Decimal(1), MONITOR, IN_FEBRUARY)
    for code in ("1.10.2", "1.10.4"):
        card.enter_survey(round_, code, Decimal("0.5"), MONITOR, IN_FEBRUARY)
    card.finalize(round_, MONITOR, AFTER_ANSWERS)

    result = unit_result(round_.criteria, card.scores(round_))

    # Bảng 1 rows not by survey: 81 points, less the second "2.3.1" (0,75) the importer could not
    # take, less 1.8 (2,5) = 77,75; then 1.1.1 gives up 0,25 and the appraisal of 1.2 takes 1.
    # Survey rows: only area 1's five (4 points) were entered.
    assert result.achieved == Decimal("80.5")  # 77,75 − 0,25 − 1 + 4
    assert result.not_evaluated_max == Decimal("2.5")
    assert result.maximum == Decimal("97.5")
    assert rounded(result.percent) == Decimal("82.56")  # 80,5 / 97,5
    assert result.grade is Grade.FAIR
    assert result.kind is ResultKind.OFFICIAL
    area = result.areas[0]
    # Area 1: 24 − 2,5 not evaluated; achieved 24 − 4 (survey) − 2,5 − 0,25 − 1 + 4 survey.
    assert (area.code, area.max_points, area.achieved) == ("1", Decimal("21.5"), Decimal("20.25"))
    assert sum(a.achieved for a in result.areas) == result.achieved


def test_a_criterion_not_evaluated_takes_its_sub_criteria_out_of_the_maximum() -> None:
    round_ = new_round(UnitKind.DEPARTMENT, ("STP",))
    card = UnitScorecard.open(round_, "STP", MONITOR, IN_JANUARY)
    card.mark_not_evaluated(round_, "2.1", "Không được giao xây dựng VBQPPL", MONITOR, IN_JANUARY)
    card.mark_not_evaluated(round_, "2.1.1", "Trùng với 2.1", MONITOR, IN_JANUARY)
    full_marks(round_, card)
    result = unit_result(round_.criteria, card.scores(round_))
    assert "2.1.1" not in {str(r.code) for r in card.own_rows(round_)}
    assert result.not_evaluated_max == Decimal("1.5")  # 2.1 once, not again for 2.1.1
    assert result.maximum == Decimal("98.5")
    assert result.achieved == Decimal("78.75")  # 80,25 − 1,5; no survey points yet


def scores_summing_to(
    round_: ScoringRound, total: Decimal, skip: frozenset[str] = frozenset()
) -> dict[str, Decimal]:
    """Rows (but those in `skip`) filled in order, each up to its maximum, until `total`."""
    points: dict[str, Decimal] = {}
    left = total
    for row in round_.leaves:
        if str(row.code) in skip:
            continue
        given = min(left, row.max_points or Decimal(0))
        points[str(row.code)] = given
        left -= given
    assert left == 0
    return points


@pytest.mark.parametrize(
    ("achieved", "grade"),
    [
        ("85", Grade.GOOD),
        ("84.99", Grade.FAIR),
        ("75", Grade.FAIR),
        ("74.99", Grade.AVERAGE),
        ("50", Grade.AVERAGE),
        ("49.99", Grade.WEAK),
        ("40", Grade.WEAK),
        ("39.99", Grade.POOR),
    ],
)
def test_grade_boundaries_are_inclusive(achieved: str, grade: Grade) -> None:
    round_ = new_round(UnitKind.DISTRICT, ("UBND_MUONGCHA",))
    scores = UnitScores(
        "UBND_MUONGCHA",
        scores_summing_to(round_, Decimal(achieved)),
        frozenset(),
        ResultKind.APPRAISED,
    )
    result = unit_result(round_.criteria, scores)
    assert (result.percent, result.grade) == (Decimal(achieved), grade)


def test_exactly_85_percent_of_a_reduced_maximum_is_tốt() -> None:
    round_ = new_round(UnitKind.DEPARTMENT, ("STP",))
    not_evaluated = frozenset({"1.8"})
    points = scores_summing_to(round_, Decimal("82.875"), not_evaluated)  # 85 % of 97,5
    scores = UnitScores("STP", points, not_evaluated, ResultKind.APPRAISED)
    result = unit_result(round_.criteria, scores)
    assert result.maximum == Decimal("97.5")
    assert result.percent == Decimal(85)
    assert result.grade is Grade.GOOD
    assert result.grade.label == "Tốt"


def test_units_are_ranked_by_index_ties_share_a_rank_and_change_is_against_last_year() -> None:
    round_ = new_round(UnitKind.DISTRICT, ("A", "B", "C", "D"))

    def result(unit: str, total: str) -> UnitScores:
        return UnitScores(
            unit, scores_summing_to(round_, Decimal(total)), frozenset(), ResultKind.OFFICIAL
        )

    results = [
        unit_result(round_.criteria, result(unit, total))
        for unit, total in (("A", "70"), ("B", "90"), ("C", "70"), ("D", "60"))
    ]
    ranked = ranking(results, {"A": Decimal(80), "B": Decimal(85), "D": Decimal(61)})
    assert [(r.rank, r.result.unit) for r in ranked] == [(1, "B"), (2, "A"), (2, "C"), (4, "D")]
    assert [r.change for r in ranked] == [Decimal(5), Decimal(-10), None, Decimal(-1)]
    assert [r.last_year_rank for r in ranked] == [1, 2, None, 3]
