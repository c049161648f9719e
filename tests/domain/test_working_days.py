"""Offices work Monday to Friday, except Vietnam's public holidays; deadlines count those days."""

from datetime import date

import pytest

from planner.application.vietnam_calendar import vietnam_calendar
from planner.domain.errors import InvalidValue
from planner.domain.working_days import WorkingCalendar, working_days_in

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


def test_a_province_can_add_its_own_days_off() -> None:
    province = vietnam_calendar({date(2023, 10, 11): "Ngày thành lập tỉnh"})
    assert province.day_off(date(2023, 10, 11)) == "Ngày thành lập tỉnh"
    assert calendar.is_working_day(date(2023, 10, 11))


def test_any_list_of_holidays_makes_a_calendar() -> None:
    founding = WorkingCalendar({date(2023, 10, 11): "Ngày thành lập tỉnh"})
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
