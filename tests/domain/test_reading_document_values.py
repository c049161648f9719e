"""Points, criterion codes, dates and targets are read the way the seed documents write them."""

from datetime import date
from decimal import Decimal

import pytest

from planner.domain.criterion import CriterionCode, CriterionRef, Index, Level
from planner.domain.dates import parse_date
from planner.domain.errors import InvalidValue
from planner.domain.points import parse_points
from planner.domain.target import Target, TargetKind
from planner.domain.text import clean, name_key


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1,5", "1.5"),
        ("1.5", "1.5"),
        ("0,5000", "0.5"),
        ("2", "2"),
        (" 75,24 ", "75.24"),
        ("0.76939", "0.76939"),
        ("100", "100"),
    ],
)
def test_points_are_read_with_decimal_comma_or_dot(written: str, value: str) -> None:
    assert parse_points(written) == Decimal(value)
    assert isinstance(parse_points(written), Decimal)


@pytest.mark.parametrize("written", ["", "abc", "1,2,3", "-1", "1,5 điểm"])
def test_unreadable_points_are_refused_with_the_text(written: str) -> None:
    with pytest.raises(InvalidValue, match="điểm"):
        parse_points(written, where="cột Điểm tối đa, dòng 7")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("TC 1.2.", "1.2"),
        ("TCTP 3.2.3.", "3.2.3"),
        ("1.1.2", "1.1.2"),
        ("TCTP 4.1.2", "4.1.2"),
        ("VII", "VII"),
        ("1.10", "1.10"),
        ("01.2", "1.2"),
    ],
)
def test_criterion_codes_with_or_without_prefixes_mean_the_same_code(
    written: str, code: str
) -> None:
    assert str(CriterionCode.parse(written)) == code


def test_codes_know_their_place_in_the_tree() -> None:
    code = CriterionCode.parse("TCTP 3.2.3.")
    assert str(code.parent) == "3.2"
    assert str(code.area) == "3"
    assert Level.for_depth(code.depth) is Level.SUB_CRITERION
    assert CriterionCode.parse("3").parent == CriterionCode.total()
    ordered = sorted(
        ["1.10", "1.2", "II", "I", "2"], key=lambda c: CriterionCode.parse(c).sort_key()
    )
    assert ordered == ["I", "II", "1.2", "1.10", "2"]


def test_bad_criterion_code_is_refused() -> None:
    with pytest.raises(InvalidValue, match="mã tiêu chí 'abc'"):
        CriterionCode.parse("abc")


def test_criterion_refs_name_their_index() -> None:
    assert CriterionRef.parse("SIPAS:1.1") == CriterionRef(Index.SIPAS, CriterionCode(("1", "1")))
    assert CriterionRef.parse("3.2.3").index is Index.PAR_INDEX
    assert Index.parse("PAR INDEX") is Index.PAR_INDEX


def test_dates_are_read_dd_mm_yyyy_and_impossible_days_are_named() -> None:
    assert parse_date("20/6/2023") == date(2023, 6, 20)
    assert parse_date("2023-06-20") == date(2023, 6, 20)
    with pytest.raises(
        InvalidValue, match=r"ngày 31/02/2023 không tồn tại \(tháng 2 năm 2023 có 28 ngày\)"
    ):
        parse_date("31/02/2023", where="--due")
    with pytest.raises(InvalidValue, match="--due"):
        parse_date("ngày mai", where="--due")


def test_targets_are_points_percentages_or_words() -> None:
    assert Target.parse("95,5") == Target(TargetKind.POINTS, Decimal("95.5"), "95,5")
    assert Target.parse("85,24", percent=True).kind is TargetKind.PERCENT
    assert Target.parse("85,24%").value == Decimal("85.24")
    words = Target.parse("100% nhiệm vụ kế hoạch được hoàn thành đúng tiến độ")
    assert words.kind is TargetKind.TEXT and words.value is None


def test_text_is_nfc_and_names_compare_without_case_but_with_diacritics() -> None:
    decomposed = "So\u031b\u0309 Y te\u0302\u0301"  # "Sở Y tế" typed with combining marks
    assert clean(decomposed) == "Sở Y tế"
    assert name_key("SỞ Y TẾ") == name_key(decomposed)
    assert name_key("Sở Y tế") != name_key("Sở Y tê")
