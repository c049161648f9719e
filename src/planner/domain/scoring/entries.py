"""What a scorecard holds per sub-criterion: the unit's own points, the appraisal, the answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from planner.domain.evidence import Evidence


@dataclass(frozen=True)
class SelfAssessment:
    """Điểm tự đánh giá with its tài liệu kiểm chứng, or the giải trình why there is none."""

    points: Decimal
    evidence: tuple[Evidence, ...]
    explanation: str
    by: str
    at: datetime


@dataclass(frozen=True)
class Appraisal:
    """Điểm thẩm định and why it differs from the unit's own points."""

    points: Decimal
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True)
class Response:
    """The unit's answer to an appraisal: an explanation and perhaps more evidence."""

    explanation: str
    evidence: tuple[Evidence, ...]
    by: str
    at: datetime


def vn(points: Decimal) -> str:
    """Points with a decimal comma, as the unit's staff write them (1,5)."""
    text = (
        format(points.normalize(), "f")
        if points != points.to_integral_value()
        else str(int(points))
    )
    return text.replace(".", ",")
