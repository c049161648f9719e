"""Thời gian thực hiện as the plans word it becomes a schedule; nothing is guessed."""

from datetime import date

import pytest

from planner.domain.errors import InvalidValue
from planner.domain.schedule import ScheduleKind
from planner.domain.schedule_text import read_schedule


@pytest.mark.parametrize(
    ("wording", "kind", "starts_on", "due_on"),
    [
        ("Thường xuyên", ScheduleKind.ONGOING, None, None),
        ("Năm 2023", ScheduleKind.WINDOW, date(2023, 1, 1), date(2023, 12, 31)),
        ("Trong năm 2022", ScheduleKind.WINDOW, date(2022, 1, 1), date(2022, 12, 31)),
        ("Quý III-IV/2023", ScheduleKind.WINDOW, date(2023, 7, 1), date(2023, 12, 31)),
        ("Quý III/2023", ScheduleKind.WINDOW, date(2023, 7, 1), date(2023, 9, 30)),
        ("Tháng 01/2024", ScheduleKind.WINDOW, date(2024, 1, 1), date(2024, 1, 31)),
        ("Từ 01/6/2023", ScheduleKind.ONGOING, date(2023, 6, 1), None),
        ("trước ngày 20/6/2023", ScheduleKind.DUE, None, date(2023, 6, 20)),
        ("Hết tháng 12/2023", ScheduleKind.DUE, None, date(2023, 12, 31)),
        ("6 tháng đầu năm 2023", ScheduleKind.WINDOW, date(2023, 1, 1), date(2023, 6, 30)),
    ],
)
def test_dated_wordings(
    wording: str, kind: ScheduleKind, starts_on: date | None, due_on: date | None
) -> None:
    reading = read_schedule(wording, 2023)
    assert (reading.schedule.kind, reading.schedule.starts_on, reading.schedule.due_on) == (
        kind,
        starts_on,
        due_on,
    )
    assert reading.schedule.text == wording
    assert reading.warning is None


def test_quarterly_reports_have_one_occurrence_per_quarter_after_the_plan_is_issued() -> None:
    reading = read_schedule(
        "Trước ngày 12 tháng cuối quý và ngày 12/12/2023", 2023, issued_on=date(2023, 6, 8)
    )
    occurrences = reading.schedule.occurrences()
    assert [(o.key, o.due_on) for o in occurrences] == [
        ("2023-Q2", date(2023, 6, 12)),
        ("2023-Q3", date(2023, 9, 12)),
        ("2023-Q4", date(2023, 12, 12)),
    ]


def test_yearly_obligation_recurs_every_year() -> None:
    schedule = read_schedule("Trước ngày 25/11 hàng năm", 2019).schedule
    assert schedule.kind is ScheduleKind.RECURRING
    assert [(o.key, o.due_on) for o in schedule.occurrences(through_year=2021)] == [
        ("2019", date(2019, 11, 25)),
        ("2020", date(2020, 11, 25)),
        ("2021", date(2021, 11, 25)),
    ]


@pytest.mark.parametrize(
    "wording",
    [
        "Theo quy định của Bộ Nội vụ",
        "Theo Kế hoạch kiểm tra",
        "Khi có văn bản chỉ đạo, hướng dẫn của Bộ Thông tin và Truyền thông",
        "Theo tiến độ cụ thể của từng nhiệm vụ",
        "",
    ],
)
def test_wordings_without_a_date_stay_undated_with_a_warning(wording: str) -> None:
    reading = read_schedule(wording, 2023)
    assert reading.schedule.kind is ScheduleKind.UNDATED
    assert reading.schedule.due_on is None
    assert reading.warning is not None and "không có hạn" in reading.warning


def test_a_day_that_does_not_exist_is_refused() -> None:
    with pytest.raises(InvalidValue, match="31/02/2023 không tồn tại"):
        read_schedule("Trước ngày 31/02/2023", 2023)


@pytest.mark.parametrize(
    ("wording", "kind", "starts_on", "due_on"),
    [
        ("Quý II", ScheduleKind.WINDOW, date(2025, 4, 1), date(2025, 6, 30)),
        ("Quý III-IV", ScheduleKind.WINDOW, date(2025, 7, 1), date(2025, 12, 31)),
        ("Tháng 6", ScheduleKind.WINDOW, date(2025, 6, 1), date(2025, 6, 30)),
        ("6 tháng đầu năm", ScheduleKind.WINDOW, date(2025, 1, 1), date(2025, 6, 30)),
        ("Trước ngày 12 tháng 6", ScheduleKind.DUE, None, date(2025, 6, 12)),
        ("Trước ngày 12 tháng 6 năm 2024", ScheduleKind.DUE, None, date(2024, 6, 12)),
        ("Từ tháng 3/2025", ScheduleKind.ONGOING, date(2025, 3, 1), None),
        ("trong Quý I năm 2025", ScheduleKind.WINDOW, date(2025, 1, 1), date(2025, 3, 31)),
        ("trong tháng 01 năm 2025", ScheduleKind.WINDOW, date(2025, 1, 1), date(2025, 1, 31)),
        ("chậm nhất ngày 31/12/2024", ScheduleKind.DUE, None, date(2024, 12, 31)),
    ],
)
def test_wordings_that_leave_the_year_to_the_plan_or_spell_the_date_out(
    wording: str, kind: ScheduleKind, starts_on: date | None, due_on: date | None
) -> None:
    schedule = read_schedule(wording, 2025).schedule
    assert (schedule.kind, schedule.starts_on, schedule.due_on) == (kind, starts_on, due_on)


def test_a_quarter_without_a_year_is_not_guessed_when_the_plan_has_none() -> None:
    reading = read_schedule("Quý II", None)
    assert reading.schedule.kind is ScheduleKind.UNDATED
    assert reading.warning is not None


@pytest.mark.parametrize(
    ("wording", "starts_on", "due_on"),
    [
        ("Tháng 4/2024 - Tháng 10/2024", date(2024, 4, 1), date(2024, 10, 31)),
        ("Từ tháng 4/2024 đến tháng 10/2024", date(2024, 4, 1), date(2024, 10, 31)),
        ("Tháng 4/2024 – 10/2024", date(2024, 4, 1), date(2024, 10, 31)),
        ("Từ tháng 4 đến tháng 10/2024", date(2024, 4, 1), date(2024, 10, 31)),
        ("Tháng 11 - tháng 02/2025", date(2024, 11, 1), date(2025, 2, 28)),
        ("01/4/2024 - 30/6/2024", date(2024, 4, 1), date(2024, 6, 30)),
        ("Trong năm", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024 - 2025", date(2024, 1, 1), date(2025, 12, 31)),
    ],
)
def test_a_range_of_months_is_due_at_its_end_not_its_start(
    wording: str, starts_on: date, due_on: date
) -> None:
    schedule = read_schedule(wording, 2024).schedule
    assert (schedule.kind, schedule.starts_on, schedule.due_on) == (
        ScheduleKind.WINDOW,
        starts_on,
        due_on,
    )
