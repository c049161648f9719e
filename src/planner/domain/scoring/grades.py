"""Xếp loại: the five grades of a unit's PAR index, boundaries inclusive."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum


class Grade(StrEnum):
    GOOD = "good"  # Tốt, from 85 %
    FAIR = "fair"  # Khá, from 75 %
    AVERAGE = "average"  # Trung bình, from 50 %
    WEAK = "weak"  # Yếu, from 40 %
    POOR = "poor"  # Kém, below 40 %

    @classmethod
    def of(cls, percent: Decimal) -> Grade:
        """The grade of an index given in per cent (exactly 85 is Tốt)."""
        for grade, floor in _FLOORS:
            if percent >= floor:
                return grade
        return cls.POOR

    @property
    def label(self) -> str:
        return {
            "good": "Tốt",
            "fair": "Khá",
            "average": "Trung bình",
            "weak": "Yếu",
            "poor": "Kém",
        }[self.value]


_FLOORS = (
    (Grade.GOOD, Decimal(85)),
    (Grade.FAIR, Decimal(75)),
    (Grade.AVERAGE, Decimal(50)),
    (Grade.WEAK, Decimal(40)),
)
