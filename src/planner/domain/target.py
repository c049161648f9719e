"""Mục tiêu: a target as the plans state it — points, a percentage, or words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from planner.domain.points import parse_points
from planner.domain.text import clean

_NUMBER_ONLY = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*%?\s*$")


class TargetKind(StrEnum):
    POINTS = "points"
    PERCENT = "percent"
    TEXT = "text"


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    value: Decimal | None
    text: str

    @classmethod
    def parse(cls, text: str, *, percent: bool = False, where: str = "mục tiêu") -> Target:
        """A number is points (a percentage in a % table or with "%"); words stay text."""
        original = clean(text)
        if _NUMBER_ONLY.match(original):
            is_percent = percent or original.endswith("%")
            value = parse_points(original.rstrip("%").strip(), where=where)
            return cls(TargetKind.PERCENT if is_percent else TargetKind.POINTS, value, original)
        return cls(TargetKind.TEXT, None, original)

    @classmethod
    def points(cls, value: Decimal) -> Target:
        return cls(TargetKind.POINTS, value, str(value))
