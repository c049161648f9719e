"""Ngày hiệu lực: the day a change took effect in the world, apart from when it was recorded.

A change takes effect on the day it is recorded unless its author says otherwise. Saying an
earlier day (backdating) needs a reason; agency staff may go back a few days only, Sở Nội vụ
any number of days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.domain.actor import Actor
from planner.domain.errors import InvalidValue, NotPermitted
from planner.domain.text import clean

STAFF_DAYS = 10


@dataclass(frozen=True)
class Dated:
    """A change said to have taken effect on `on`, for `because`; staff may go back `staff_days`."""

    on: date
    because: str = ""
    staff_days: int = STAFF_DAYS


def effective_day(
    dated: Dated | None, actor: Actor, today: date, where: str, not_before: date | None
) -> tuple[date, str]:
    """The day a change takes effect and why it is earlier than `today` ("" when it is not)."""
    if dated is None or dated.on == today:
        return today, ""
    day, because = dated.on, clean(dated.because)
    if day > today:
        raise InvalidValue(f"{where}: ngày hiệu lực {_dmy(day)} chưa tới (hôm nay {_dmy(today)})")
    if not because:
        raise InvalidValue(f"{where}: ghi nhận lùi về ngày {_dmy(day)} cần nêu lý do")
    late = (today - day).days
    if not actor.oversees and late > dated.staff_days:
        raise NotPermitted(
            f"{where}: cán bộ {actor.agency} chỉ được ghi nhận lùi tối đa {dated.staff_days} "
            f"ngày (ngày {_dmy(day)} đã cách {late} ngày); hãy đề nghị Sở Nội vụ ghi nhận"
        )
    if not_before is not None and day < not_before:
        raise InvalidValue(
            f"{where}: đã có thay đổi hiệu lực từ ngày {_dmy(not_before)}, không ghi nhận "
            f"lùi về ngày {_dmy(day)}"
        )
    return day, because


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")
