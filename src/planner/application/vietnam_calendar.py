"""Vietnam's working days: public holidays and days in lieu from the `holidays` package."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import holidays

from planner.domain.working_days import WorkingCalendar


def vietnam_calendar(days_off: Mapping[date, str] | None = None) -> WorkingCalendar:
    """Tết, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 … named in Vietnamese, plus a province's own days."""
    # The package computes each year on first use, so any year may be asked.
    return WorkingCalendar(holidays.country_holidays("VN", language="vi"), days_off)
