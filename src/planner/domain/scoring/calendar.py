"""A round's calendar: survey, self-assessment, appraisal, the units' response, publication."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from planner.domain.errors import InvalidValue


def dmy(day: date) -> str:
    """dd/mm/yyyy, the way the documents and the people write dates."""
    return day.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class ScoringCalendar:
    """Deadlines are calendar dates in Vietnam, each the last day something may happen."""

    survey_by: date
    self_assessment_closes: date
    appraisal_closes: date
    response_days: int
    publication_by: date

    @classmethod
    def usual(cls, year: int, response_days: int = 10) -> ScoringCalendar:
        """The seed's year: survey by 31/12, self-assessment in January, appraisal in February,
        publication in Q2 of the following year."""
        following = year + 1
        february_end = date(following, 3, 1) - timedelta(days=1)
        return cls(
            survey_by=date(year, 12, 31),
            self_assessment_closes=date(following, 1, 31),
            appraisal_closes=february_end,
            response_days=response_days,
            publication_by=date(following, 6, 30),
        ).checked()

    @property
    def response_closes(self) -> date:
        """Units may answer the appraisal for `response_days` days after it closes."""
        return self.appraisal_closes + timedelta(days=self.response_days)

    def checked(self) -> ScoringCalendar:
        """Refuse a calendar whose steps are out of order or a negative response window."""
        if self.response_days < 0:
            raise InvalidValue(
                f"lịch chấm điểm: số ngày phản hồi {self.response_days} không được âm"
            )
        steps = (
            ("hạn tự đánh giá", self.self_assessment_closes),
            ("hạn thẩm định", self.appraisal_closes),
            ("hạn công bố", self.publication_by),
        )
        for (before_name, before), (after_name, after) in pairwise(steps):
            if after < before:
                raise InvalidValue(
                    f"lịch chấm điểm: {after_name} {dmy(after)} trước {before_name} {dmy(before)}"
                )
        if self.publication_by < self.response_closes:
            raise InvalidValue(
                f"lịch chấm điểm: hạn công bố {dmy(self.publication_by)} trước khi hết hạn phản "
                f"hồi {dmy(self.response_closes)}"
            )
        return self
