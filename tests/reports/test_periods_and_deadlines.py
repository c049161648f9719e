"""Quarters and years as Sở Nội vụ reports on them, and when each report is due."""

from datetime import date

import pytest

from planner.domain.errors import InvalidValue
from planner.reports.deadlines import (
    ANNUAL_RULE,
    QUARTERLY_RULE,
    deadline_for,
    reporting_deadlines,
)
from planner.reports.periods import ReportPeriod


@pytest.mark.parametrize("text", ["2023Q3", "2023-Q3", "2023 q3", "Q3/2023", "Quý III/2023"])
def test_a_quarter_is_read_the_ways_people_write_it(text: str) -> None:
    quarter = ReportPeriod.parse_quarter(text)
    assert (quarter.year, quarter.quarter, quarter.label) == (2023, 3, "Quý III/2023")
    assert (quarter.starts_on, quarter.ends_on) == (date(2023, 7, 1), date(2023, 9, 30))
    assert quarter.key == "2023-Q3"  # the occurrence key of quarterly tasks


def test_the_period_before_a_first_quarter_is_last_years_fourth() -> None:
    assert ReportPeriod.parse_quarter("2024Q1").previous == ReportPeriod(2023, 4)
    assert ReportPeriod.parse_quarter("2023Q3").previous.label == "Quý II/2023"
    year = ReportPeriod.parse_year("2023")
    assert (year.label, year.starts_on, year.ends_on) == (
        "Năm 2023",
        date(2023, 1, 1),
        date(2023, 12, 31),
    )
    assert year.previous == ReportPeriod(2022)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023Q5", "--quarter '2023Q5': quý 5 không tồn tại (chỉ có quý 1 đến 4)"),
        ("2023Q0", "--quarter '2023Q0': quý 0 không tồn tại"),
        ("quý ba", "--quarter: 'quý ba' không phải là quý (ví dụ: 2023Q3 hoặc Q3/2023)"),
        ("1899Q1", "--quarter '1899Q1': năm 1899 không hợp lệ"),
    ],
)
def test_a_quarter_that_does_not_exist_is_refused_naming_it(text: str, message: str) -> None:
    with pytest.raises(InvalidValue, match=message.replace("(", r"\(").replace(")", r"\)")):
        ReportPeriod.parse_quarter(text)


def test_a_year_that_is_not_a_year_is_refused() -> None:
    with pytest.raises(InvalidValue, match="--year: 'hai nghìn' không phải là năm"):
        ReportPeriod.parse_year("hai nghìn")


def test_reports_are_due_before_the_12th_of_each_quarters_last_month_and_before_25_11() -> None:
    due = [(d.report, d.period.label, d.due_on, d.rule) for d in reporting_deadlines(2023)]
    assert due == [
        ("quarterly", "Quý I/2023", date(2023, 3, 12), QUARTERLY_RULE),
        ("quarterly", "Quý II/2023", date(2023, 6, 12), QUARTERLY_RULE),
        ("quarterly", "Quý III/2023", date(2023, 9, 12), QUARTERLY_RULE),
        ("annual", "Năm 2023", date(2023, 11, 25), ANNUAL_RULE),
        ("quarterly", "Quý IV/2023", date(2023, 12, 12), QUARTERLY_RULE),
    ]
    assert QUARTERLY_RULE == "Trước ngày 12 tháng cuối quý"
    assert ANNUAL_RULE == "Trước ngày 25/11 hàng năm"


def test_a_report_s_deadline_is_found_from_its_period() -> None:
    assert deadline_for(ReportPeriod(2024, 1)).due_on == date(2024, 3, 12)
