"""What /api/scoring answers: a round, a unit's scorecard, and the round's results."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, Field

from planner.domain.criteria_set import UnitKind
from planner.domain.score_target import ResultKind
from planner.domain.scoring.calendar import ScoringCalendar
from planner.domain.scoring.entries import Appraisal, Response, SelfAssessment
from planner.domain.scoring.grades import Grade
from planner.domain.scoring.results import AreaResult


class RoundCalendar(BaseModel):
    survey_by: date
    self_assessment_closes: date
    appraisal_closes: date
    response_days: int = Field(description="Số ngày làm việc đơn vị được phản hồi")
    response_closes: date
    publication_by: date


class RoundCriterion(BaseModel):
    code: str
    name: str
    max_points: Decimal | None
    survey_based: bool
    scored: bool = Field(description="true: tiêu chí lá, có điểm để chấm")


class Round(BaseModel):
    year: int
    unit_kind: UnitKind
    units: list[str]
    calendar: RoundCalendar
    criteria: list[RoundCriterion]


class OneRound(BaseModel):
    round: Round


class ScoredRow(BaseModel):
    code: str
    max_points: Decimal | None
    survey_based: bool
    not_evaluated: str | None = Field(description="Lý do không đánh giá, nếu vậy")
    self_assessed: SelfAssessment | None
    appraised: Appraisal | None
    responses: list[Response]
    survey: Decimal | None


class Scorecard(BaseModel):
    """Only scored rows; the round gives the tree with names and maxima."""

    year: int
    unit_kind: UnitKind
    unit: str
    version: int
    submitted_at: datetime | None
    reopened_until: date | None
    final: bool
    self_assessment_deadline: date
    response_closes: date
    editable: bool
    rows: list[ScoredRow]


class OneScorecard(BaseModel):
    scorecard: Scorecard


class RankedUnit(BaseModel):
    rank: int
    unit: str
    name: str
    kind: ResultKind
    achieved: Decimal
    not_evaluated_max: Decimal
    maximum: Decimal
    percent: Decimal = Field(description="Làm tròn hai chữ số thập phân")
    grade: Grade
    grade_label: str
    last_year_percent: Decimal | None
    last_year_rank: int | None
    change: Decimal | None
    areas: list[AreaResult]


class Results(BaseModel):
    """As `planner scoring results --json` prints them."""

    year: int
    unit_kind: UnitKind
    calendar: ScoringCalendar
    units: list[RankedUnit]
