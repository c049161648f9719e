"""Sở Nội vụ records the province's own days off and working days; reminders count on them."""

from __future__ import annotations

from datetime import date

import pytest

from planner.application.planner import Planner
from planner.domain.actor import Role
from planner.domain.errors import InvalidValue, NotPermitted
from planner.domain.identity import local_calendar_id

FOUNDING_DAY = date(2023, 10, 11)  # a Wednesday
SATURDAY = date(2023, 10, 14)


def test_sở_nội_vụ_records_a_day_off_and_a_working_day_with_reasons_seen_in_history(
    planner: Planner,
) -> None:
    officer = planner.actor("chuyen-vien", "SNV", Role.MONITOR)
    planner.calendar.add_day_off(FOUNDING_DAY, "Ngày thành lập tỉnh (QĐ 12/QĐ-UBND)", officer)
    planner.calendar.add_working_day(SATURDAY, "Làm bù ngày 11/10 (QĐ 12/QĐ-UBND)", officer)

    calendar = planner.calendar.calendar()
    assert calendar.day_off(FOUNDING_DAY) == "Ngày thành lập tỉnh (QĐ 12/QĐ-UBND)"
    assert calendar.is_working_day(SATURDAY)
    assert calendar.add_working_days(date(2023, 10, 10), 3) == SATURDAY

    history = planner.views.history(local_calendar_id())
    assert [(e.event, e.actor_user, e.actor_agency) for e in history] == [
        ("Started", "chuyen-vien", "SNV"),
        ("DayOffAdded", "chuyen-vien", "SNV"),
        ("WorkingDayAdded", "chuyen-vien", "SNV"),
    ]
    assert history[1].details == {
        "day": "2023-10-11",
        "reason": "Ngày thành lập tỉnh (QĐ 12/QĐ-UBND)",
    }

    planner.calendar.withdraw(SATURDAY, "QĐ 12/QĐ-UBND được sửa", officer)
    assert not planner.calendar.calendar().is_working_day(SATURDAY)
    assert planner.views.history(local_calendar_id())[-1].event == "DayWithdrawn"


def test_a_day_needs_a_reason_and_only_sở_nội_vụ_changes_the_calendar(planner: Planner) -> None:
    officer = planner.actor("chuyen-vien", "SNV", Role.MONITOR)
    with pytest.raises(InvalidValue, match="11/10/2023: cần nêu lý do"):
        planner.calendar.add_day_off(FOUNDING_DAY, "  ", officer)
    staff = planner.actor("can-bo", "STC", Role.AGENCY)
    with pytest.raises(NotPermitted, match="STC không có quyền đổi lịch làm việc của tỉnh"):
        planner.calendar.add_day_off(FOUNDING_DAY, "Ngày thành lập tỉnh", staff)
    with pytest.raises(InvalidValue, match="không phải ngày nghỉ hay ngày làm việc riêng"):
        planner.calendar.withdraw(FOUNDING_DAY, "nhầm", officer)
