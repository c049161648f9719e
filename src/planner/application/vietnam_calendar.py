"""Vietnam's working days from the `holidays` package, with a province's own days on top."""

from __future__ import annotations

import holidays

from planner.domain.working_days import ProvinceDays, WorkingCalendar


def vietnam_calendar(province: ProvinceDays | None = None) -> WorkingCalendar:
    """Tết, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 … named in Vietnamese, the Saturdays worked in
    exchange for a bridge day (ngày làm bù), and the province's own days off and working days."""
    # The package computes each year on first use, so any year may be asked; its
    # `is_working_day` knows the weekend, the holidays and the moved working days.
    return WorkingCalendar(holidays.country_holidays("VN", language="vi"), province)
