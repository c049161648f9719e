"""The two readings of "as of day D", named as reports and pages name them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from planner.domain.errors import InvalidValue


class Basis(StrEnum):
    # What had taken effect by the end of D, including everything recorded since (late
    # reports, corrections): the default everywhere.
    CURRENT = "current"
    # Only what had been recorded by the end of D: the report that was sent that day.
    RECORDED = "recorded"

    def label(self, day: date) -> str:
        """How a title says which reading it is."""
        if self is Basis.CURRENT:
            return "theo số liệu hiện nay"
        return f"theo số liệu đã ghi nhận đến ngày {day:%d/%m/%Y}"

    @classmethod
    def parse(cls, text: str) -> Basis:
        """`current`/`recorded`, or the Vietnamese words `hien-nay`/`da-ghi-nhan`."""
        found = _NAMES.get(text.strip().lower())
        if found is None:
            raise InvalidValue(
                f"cách tính '{text}' không có; chọn 'hien-nay' (theo số liệu hiện nay) hoặc "
                "'da-ghi-nhan' (theo số liệu đã ghi nhận đến ngày đó)"
            )
        return found


_NAMES = {
    "current": Basis.CURRENT,
    "hien-nay": Basis.CURRENT,
    "recorded": Basis.RECORDED,
    "da-ghi-nhan": Basis.RECORDED,
}
