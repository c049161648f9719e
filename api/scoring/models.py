"""Request bodies of /api/scoring. Points are text as people type them ("1,5" or "1.5")."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from api.days import Day
from api.json_api.models import AgencyCode, Body, EvidenceIn, Text, Year
from api.plain_text import plain
from planner.domain.criteria_set import UnitKind

Code = Annotated[str, Field(min_length=1, max_length=40, examples=["1.1.1"]), AfterValidator(plain)]
PointsText = Annotated[
    str, Field(min_length=1, max_length=20, examples=["1,5"]), AfterValidator(plain)
]
EvidenceList = Annotated[list[EvidenceIn], Field(max_length=20)]


class NewRound(Body):
    year: Year
    unit_kind: UnitKind
    units: Annotated[list[AgencyCode], Field(max_length=200)] | None = Field(
        None, description="Mã đơn vị; bỏ trống thì mọi cơ quan đang hoạt động của loại đó"
    )


class SelfAssessmentRow(Body):
    code: Code
    points: PointsText
    evidence: EvidenceList = Field(default_factory=list)
    explanation: Text = ""


class SelfAssessmentForm(Body):
    """Rows saved together as a draft: all of them or none."""

    entries: Annotated[list[SelfAssessmentRow], Field(min_length=1, max_length=300)]


class AppraisalRow(Body):
    code: Code
    points: PointsText
    reason: Text = ""


class AppraisalForm(Body):
    """Rows appraised together: a refused row leaves every row as it was."""

    entries: Annotated[list[AppraisalRow], Field(min_length=1, max_length=300)]


class Survey(Body):
    points: Annotated[dict[Code, PointsText], Field(min_length=1, max_length=300)]


class ResponseIn(Body):
    code: Code
    explanation: Text
    evidence: EvidenceList = Field(default_factory=list)


class Reopen(Body):
    until: Day
    reason: Text
