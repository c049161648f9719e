"""Offices work Monday to Friday, except Vietnam's public holidays; deadlines count those days."""

from datetime import date

import pytest

from planner.application.vietnam_calendar import vietnam_calendar
from planner.domain.errors import InvalidValue
from planner.domain.working_days import (
    FixedHolidays,
    ProvinceDays,
    WorkingCalendar,
    working_days_in,
)

calendar = vietnam_calendar()


def test_weekends_tet_and_national_holidays_are_days_off_with_their_names() -> None:
    assert calendar.day_off(date(2023, 9, 10)) == "Chủ nhật"
    assert calendar.day_off(date(2023, 9, 9)) == "Thứ Bảy"
    assert calendar.day_off(date(2024, 2, 12)) == "Mùng ba Tết Nguyên Đán"
    assert calendar.day_off(date(2023, 4, 29)) == "Ngày Giỗ Tổ Hùng Vương"
    assert calendar.day_off(date(2024, 4, 30)) == "Ngày Chiến thắng"
    assert calendar.day_off(date(2024, 5, 1)) == "Ngày Quốc tế Lao động"
    assert calendar.day_off(date(2024, 9, 2)) == "Quốc khánh"
    # The day in lieu the government gives when 2/9 falls on a Saturday.
    assert calendar.day_off(date(2023, 9, 4)) == "Quốc khánh (nghỉ bù)"
    assert calendar.is_working_day(date(2023, 9, 5))


def test_saturdays_worked_in_exchange_for_a_bridge_day_are_working_days() -> None:
    # Ngày làm bù: 26/04/2025 was worked for 02/05/2025; 05/01/2019 and 27/12/2014 likewise.
    for saturday in (date(2025, 4, 26), date(2019, 1, 5), date(2014, 12, 27)):
        assert calendar.is_working_day(saturday), saturday
    assert calendar.day_off(date(2025, 5, 2)) == "Ngày nghỉ (thay cho ngày 26/04/2025)"
    # Fri 25/04, Sat 26/04 (làm bù), Mon 28/04, Tue 29/04, then 30/04–04/05 off: Mon 05/05.
    assert calendar.add_working_days(date(2025, 4, 24), 5) == date(2025, 5, 5)


def test_a_province_can_add_its_own_days_off_and_working_days() -> None:
    province = vietnam_calendar(
        ProvinceDays(
            days_off={date(2023, 10, 11): "Ngày thành lập tỉnh"},
            working_days={date(2023, 10, 14): "Làm bù ngày 11/10 theo Quyết định 12/QĐ-UBND"},
        )
    )
    assert province.day_off(date(2023, 10, 11)) == "Ngày thành lập tỉnh"
    assert province.is_working_day(date(2023, 10, 14))  # a Saturday
    assert calendar.is_working_day(date(2023, 10, 11))
    assert not calendar.is_working_day(date(2023, 10, 14))
    # Tue 10/10 + 2: Thu 12/10, Fri 13/10 — the founding day is skipped.
    assert province.add_working_days(date(2023, 10, 10), 2) == date(2023, 10, 13)
    assert province.add_working_days(date(2023, 10, 13), 1) == date(2023, 10, 14)


def test_any_list_of_holidays_makes_a_calendar() -> None:
    founding = WorkingCalendar(FixedHolidays({date(2023, 10, 11): "Ngày thành lập tỉnh"}))
    assert founding.day_off(date(2023, 10, 11)) == "Ngày thành lập tỉnh"
    assert founding.add_working_days(date(2023, 10, 10), 1) == date(2023, 10, 12)


def test_days_off_move_to_the_nearest_working_day_before_or_after() -> None:
    assert calendar.on_or_before(date(2024, 2, 12)) == date(2024, 2, 7)  # before Tết
    assert calendar.on_or_after(date(2024, 2, 12)) == date(2024, 2, 15)  # after Tết
    assert calendar.on_or_after(date(2023, 9, 5)) == date(2023, 9, 5)


def test_five_working_days_are_counted_from_the_next_day_skipping_weekends_and_tet() -> None:
    wording = "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản"
    assert working_days_in(wording) == 5
    assert calendar.deadline(wording, date(2023, 9, 15)) == date(2023, 9, 22)  # a Friday
    assert calendar.deadline(wording, date(2024, 2, 7)) == date(2024, 2, 21)  # eve of Tết
    assert calendar.add_working_days(date(2023, 8, 31), 1) == date(2023, 9, 5)  # 2/9 holidays
    assert calendar.add_working_days(date(2023, 9, 10), 0) == date(2023, 9, 10)


def test_a_deadline_not_in_working_days_is_refused_with_its_wording() -> None:
    with pytest.raises(InvalidValue, match="'Thường xuyên' không nêu thời hạn"):
        working_days_in("Thường xuyên")
    with pytest.raises(InvalidValue, match="không âm"):
        calendar.add_working_days(date(2023, 9, 15), -1)
