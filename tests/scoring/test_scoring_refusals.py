"""What the round refuses, and says why: points, evidence, deadlines, whose scorecard, reasons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from planner.domain.criteria_set import UnitKind
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted
from planner.domain.evidence import Evidence
from planner.domain.scoring.round import ScoringRound
from planner.domain.scoring.scorecard import UnitScorecard
from tests.conftest import vietnam_time
from tests.scoring.province import IN_FEBRUARY, IN_JANUARY, MONITOR, new_round, staff

PLAN = Evidence.of("Kế hoạch CCHC 2024", link="https://stp.dienbien.gov.vn/ke-hoach-cchc-2024")
AFTER_DEADLINE = vietnam_time(date(2025, 2, 1))


def scorecard(unit: str = "STP") -> tuple[ScoringRound, UnitScorecard]:
    round_ = new_round(UnitKind.DEPARTMENT, ("STP", "STC"))
    return round_, UnitScorecard.open(round_, unit, MONITOR, IN_JANUARY)


def assess_all(round_: ScoringRound, card: UnitScorecard) -> None:
    for row in card.own_rows(round_):
        card.self_assess(
            round_, str(row.code), Decimal(0), [PLAN], "", staff(card.unit), IN_JANUARY
        )


def test_points_above_the_maximum_or_below_zero_are_refused() -> None:
    round_, card = scorecard()
    with pytest.raises(InvalidValue) as above:
        card.self_assess(round_, "1.1.1", Decimal("0.75"), [PLAN], "", staff("STP"), IN_JANUARY)
    assert above.value.message == "STP, tiêu chí 1.1.1: điểm 0,75 ngoài khoảng 0 đến 0,5"
    with pytest.raises(InvalidValue, match="điểm -1 ngoài khoảng 0 đến 1"):
        card.self_assess(round_, "1.1.2", Decimal(-1), [PLAN], "", staff("STP"), IN_JANUARY)
    assert card.self_assessed == {}


def test_a_criterion_scored_through_its_sub_criteria_or_by_survey_is_refused() -> None:
    round_, card = scorecard()
    with pytest.raises(InvalidValue, match=r"tiêu chí 1\.1 được chấm qua .*1\.1\.1, 1\.1\.2"):
        card.self_assess(round_, "1.1", Decimal(1), [PLAN], "", staff("STP"), IN_JANUARY)
    with pytest.raises(InvalidValue, match=r"1\.10\.1: chấm bằng điều tra xã hội học"):
        card.self_assess(round_, "1.10.1", Decimal(1), [PLAN], "", staff("STP"), IN_JANUARY)
    with pytest.raises(InvalidValue, match=r"không có tiêu chí 9\.9"):
        card.self_assess(round_, "9.9", Decimal(1), [PLAN], "", staff("STP"), IN_JANUARY)


def test_no_evidence_needs_an_explanation() -> None:
    round_, card = scorecard()
    with pytest.raises(InvalidValue) as refused:
        card.self_assess(round_, "1.2", Decimal(3), [], "  ", staff("STP"), IN_JANUARY)
    assert refused.value.message == (
        "STP, tiêu chí 1.2: không có tài liệu kiểm chứng thì cần giải trình"
    )
    card.self_assess(
        round_, "1.2", Decimal(3), [], "Báo cáo gửi qua hệ thống", staff("STP"), IN_JANUARY
    )
    assert card.self_assessed["1.2"].explanation == "Báo cáo gửi qua hệ thống"


def test_another_agencys_staff_cannot_self_assess_or_submit_for_a_unit() -> None:
    round_, card = scorecard()
    with pytest.raises(NotPermitted) as refused:
        card.self_assess(round_, "1.2", Decimal(3), [PLAN], "", staff("STC"), IN_JANUARY)
    assert refused.value.message == ("can-bo.stc (STC) không được tự đánh giá thay cho STP")
    with pytest.raises(NotPermitted):
        card.submit(round_, staff("STC"), IN_JANUARY)
    with pytest.raises(NotPermitted, match="chỉ Sở Nội vụ được thẩm định"):
        card.appraise(round_, "1.2", Decimal(3), "", staff("STP"), IN_FEBRUARY)


def test_submission_needs_every_row_and_is_refused_after_the_deadline_until_reopened() -> None:
    round_, card = scorecard()
    card.self_assess(round_, "1.2", Decimal(3), [PLAN], "", staff("STP"), IN_JANUARY)
    with pytest.raises(InvalidValue, match=r"STP: chưa tự chấm 83 tiêu chí \(1\.1\.1, 1\.1\.2"):
        card.submit(round_, staff("STP"), IN_JANUARY)
    assess_all(round_, card)
    with pytest.raises(InvalidTransition) as late:
        card.submit(round_, staff("STP"), AFTER_DEADLINE)
    assert late.value.message == "STP: đã hết hạn tự đánh giá (31/01/2025); cần Sở Nội vụ mở lại"
    with pytest.raises(NotPermitted):
        card.reopen(date(2025, 2, 5), "Sự cố mạng", staff("STP"), AFTER_DEADLINE)
    card.reopen(date(2025, 2, 5), "Sự cố mạng ngày 31/01", MONITOR, AFTER_DEADLINE)
    card.submit(round_, staff("STP"), AFTER_DEADLINE)
    assert card.submitted
    with pytest.raises(InvalidTransition, match="đã nộp kết quả tự đánh giá; cần Sở Nội vụ mở lại"):
        card.self_assess(round_, "1.2", Decimal(2), [PLAN], "", staff("STP"), AFTER_DEADLINE)


def test_an_appraisal_that_changes_the_units_points_needs_a_reason() -> None:
    round_, card = scorecard()
    assess_all(round_, card)
    card.self_assess(round_, "1.2", Decimal(3), [PLAN], "", staff("STP"), IN_JANUARY)
    with pytest.raises(InvalidTransition, match="STP: chưa nộp kết quả tự đánh giá"):
        card.appraise(round_, "1.2", Decimal(3), "", MONITOR, IN_FEBRUARY)
    card.submit(round_, staff("STP"), IN_JANUARY)
    card.appraise(round_, "1.2", Decimal(3), "", MONITOR, IN_FEBRUARY)  # agreed: no reason needed
    with pytest.raises(InvalidValue) as refused:
        card.appraise(round_, "1.2", Decimal("2.5"), " ", MONITOR, IN_FEBRUARY)
    assert refused.value.message == (
        "STP, tiêu chí 1.2: điểm thẩm định 2,5 khác điểm tự đánh giá (3); cần nêu lý do"
    )
    assert card.appraised["1.2"].points == Decimal(3)


def test_the_unit_answers_within_the_window_and_the_appraisal_is_final_after_it() -> None:
    round_, card = scorecard()
    assess_all(round_, card)
    card.submit(round_, staff("STP"), IN_JANUARY)
    card.appraise(round_, "1.2", Decimal(0), "", MONITOR, IN_FEBRUARY)
    with pytest.raises(InvalidTransition, match="đơn vị còn được phản hồi đến hết ngày 10/03/2025"):
        card.finalize(round_, MONITOR, vietnam_time(date(2025, 3, 10)))
    with pytest.raises(InvalidTransition, match=r"tiêu chí 1\.3\.1: chưa được thẩm định"):
        card.respond(round_, "1.3.1", "Đã kiểm tra 3 phòng", [], staff("STP"), IN_FEBRUARY)
    card.respond(round_, "1.2", "Bổ sung báo cáo quý IV", [PLAN], staff("STP"), IN_FEBRUARY)
    with pytest.raises(InvalidTransition, match=r"đã hết hạn phản hồi \(10/03/2025\)"):
        card.respond(round_, "1.2", "Còn thiếu", [], staff("STP"), vietnam_time(date(2025, 3, 11)))
    card.finalize(round_, MONITOR, vietnam_time(date(2025, 3, 11)))
    with pytest.raises(InvalidTransition, match="STP: kết quả thẩm định đã chốt"):
        card.appraise(
            round_, "1.2", Decimal(3), "Xem lại", MONITOR, vietnam_time(date(2025, 3, 12))
        )
    assert [r.explanation for r in card.responses["1.2"]] == ["Bổ sung báo cáo quý IV"]


def test_survey_points_are_the_monitors_and_only_for_survey_rows() -> None:
    round_, card = scorecard()
    with pytest.raises(NotPermitted):
        card.enter_survey(round_, "1.10.1", Decimal(1), staff("STP"), IN_FEBRUARY)
    with pytest.raises(InvalidValue, match=r"1\.2: không phải tiêu chí điều tra xã hội học"):
        card.enter_survey(round_, "1.2", Decimal(1), MONITOR, IN_FEBRUARY)
    with pytest.raises(InvalidValue, match="điểm 1,5 ngoài khoảng 0 đến 1"):
        card.enter_survey(round_, "1.10.1", Decimal("1.5"), MONITOR, IN_FEBRUARY)
    card.mark_not_evaluated(round_, "1.10", "Không khảo sát năm 2024", MONITOR, IN_FEBRUARY)
    with pytest.raises(InvalidValue, match=r"1\.10\.1: không đánh giá trong năm nay"):
        card.enter_survey(round_, "1.10.1", Decimal(1), MONITOR, IN_FEBRUARY)
