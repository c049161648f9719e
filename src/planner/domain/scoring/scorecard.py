"""Phiếu chấm điểm: one unit's points in one round, from self-assessment to the final appraisal.

The round (`ScoringRound`) is passed to every command: it says which rows may be scored,
their maximum, and the calendar; the scorecard records what the unit and the appraisal team did.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.criteria_set import Criterion
from planner.domain.criterion import CriterionCode
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted
from planner.domain.evidence import Evidence
from planner.domain.identity import scorecard_id
from planner.domain.score_target import ResultKind
from planner.domain.scoring.calendar import dmy
from planner.domain.scoring.entries import Appraisal, Response, SelfAssessment, vn
from planner.domain.scoring.round import ScoringRound, within
from planner.domain.text import clean
from planner.domain.vietnam_time import local_date


@dataclass(frozen=True)
class UnitScores:
    """The points a unit's result is computed from, one per scorable row."""

    unit: str
    points: dict[str, Decimal]
    not_evaluated: frozenset[str]
    kind: ResultKind


class UnitScorecard(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Opened(Event, Aggregate.Created):
        round_id: UUID
        unit: str

    class SelfAssessed(Event):
        code: str
        points: Decimal
        evidence: tuple[Evidence, ...]
        explanation: str

    class Submitted(Event):
        pass

    class Reopened(Event):
        until: date
        reason: str

    class Appraised(Event):
        code: str
        points: Decimal
        reason: str

    class Responded(Event):
        code: str
        explanation: str
        evidence: tuple[Evidence, ...]

    class Finalized(Event):
        pass

    class SurveyEntered(Event):
        code: str
        points: Decimal

    class NotEvaluatedMarked(Event):
        code: str
        reason: str

    class NotEvaluatedCleared(Event):
        code: str

    @staticmethod
    def create_id(round_id: UUID, unit: str, **_: object) -> UUID:
        return scorecard_id(round_id, unit)

    @classmethod
    def open(cls, round_: ScoringRound, unit: str, actor: Actor, at: datetime) -> UnitScorecard:
        """The unit's empty scorecard, when the unit joins the round."""
        round_.require_unit(unit)
        return cls(round_id=round_.id, unit=unit, actor=actor, timestamp=at)

    @event(Opened)
    def __init__(self, *, round_id: UUID, unit: str, actor: Actor, timestamp: datetime) -> None:
        self.round_id = round_id
        self.unit = unit
        self.self_assessed: dict[str, SelfAssessment] = {}
        self.appraised: dict[str, Appraisal] = {}
        self.responses: dict[str, list[Response]] = {}
        self.survey: dict[str, Decimal] = {}
        self.not_evaluated: dict[str, str] = {}
        self.submitted_at: datetime | None = None
        self.reopened_until: date | None = None
        self.final = False

    # The unit's own steps.

    def self_assess(
        self,
        round_: ScoringRound,
        code: str,
        points: Decimal,
        evidence: Iterable[Evidence],
        explanation: str,
        actor: Actor,
        at: datetime,
    ) -> None:
        """Record (or replace) a draft score for one row; evidence or an explanation is required."""
        self._require_unit_staff(actor, "tự đánh giá")
        self._require_open_for_unit(round_, at)
        row = self._own_row(round_, code)
        self._require_within(row, points)
        proofs, why = tuple(evidence), clean(explanation)
        if not proofs and not why:
            raise InvalidValue(
                f"{self.unit}, tiêu chí {row.code}: không có tài liệu kiểm chứng thì cần giải trình"
            )
        self._self_assessed(
            code=str(row.code),
            points=points,
            evidence=proofs,
            explanation=why,
            actor=actor,
            timestamp=at,
        )

    def submit(self, round_: ScoringRound, actor: Actor, at: datetime) -> None:
        """Nộp: the unit hands in its self-assessment; every row it must score is scored."""
        self._require_unit_staff(actor, "nộp kết quả tự đánh giá")
        self._require_open_for_unit(round_, at)
        missing = [
            str(c.code) for c in self.own_rows(round_) if str(c.code) not in self.self_assessed
        ]
        if missing:
            raise InvalidValue(
                f"{self.unit}: chưa tự chấm {len(missing)} tiêu chí ({', '.join(missing[:10])}"
                f"{', ...' if len(missing) > 10 else ''})"
            )
        self._submitted(actor=actor, timestamp=at)

    def respond(
        self,
        round_: ScoringRound,
        code: str,
        explanation: str,
        evidence: Iterable[Evidence],
        actor: Actor,
        at: datetime,
    ) -> None:
        """The unit answers an appraisal of one row within the response window."""
        self._require_unit_staff(actor, "phản hồi kết quả thẩm định")
        self._require_not_final()
        row = round_.row(code)
        if str(row.code) not in self.appraised:
            raise InvalidTransition(f"{self.unit}, tiêu chí {row.code}: chưa được thẩm định")
        closes = round_.calendar.response_closes
        if local_date(at) > closes:
            raise InvalidTransition(
                f"{self.unit}, tiêu chí {row.code}: đã hết hạn phản hồi ({dmy(closes)})"
            )
        if not clean(explanation):
            raise InvalidValue(f"{self.unit}, tiêu chí {row.code}: cần nội dung phản hồi")
        self._responded(
            code=str(row.code),
            explanation=clean(explanation),
            evidence=tuple(evidence),
            actor=actor,
            timestamp=at,
        )

    # Sở Nội vụ's steps.

    def reopen(self, until: date, reason: str, actor: Actor, at: datetime) -> None:
        """Mở lại: the unit may change and submit its self-assessment again until `until`."""
        _require_monitor(actor, f"mở lại việc tự đánh giá của {self.unit}")
        self._require_not_final()
        if until < local_date(at):
            raise InvalidValue(f"{self.unit}: hạn mở lại {dmy(until)} đã qua")
        if not clean(reason):
            raise InvalidValue(f"{self.unit}: cần nêu lý do mở lại")
        self._reopened(until=until, reason=clean(reason), actor=actor, timestamp=at)

    def appraise(
        self,
        round_: ScoringRound,
        code: str,
        points: Decimal,
        reason: str,
        actor: Actor,
        at: datetime,
    ) -> None:
        """Điểm thẩm định for one row; a reason is required when it differs from the unit's."""
        _require_monitor(actor, "thẩm định")
        self._require_not_final()
        if self.submitted_at is None:
            raise InvalidTransition(f"{self.unit}: chưa nộp kết quả tự đánh giá")
        row = self._own_row(round_, code)
        self._require_within(row, points)
        own = self.self_assessed.get(str(row.code))
        if (own is None or own.points != points) and not clean(reason):
            was = vn(own.points) if own else "chưa chấm"
            raise InvalidValue(
                f"{self.unit}, tiêu chí {row.code}: điểm thẩm định {vn(points)} khác điểm tự đánh "
                f"giá ({was}); cần nêu lý do"
            )
        self._appraised(
            code=str(row.code), points=points, reason=clean(reason), actor=actor, timestamp=at
        )

    def finalize(self, round_: ScoringRound, actor: Actor, at: datetime) -> None:
        """Chốt: after the response window the appraisal is final."""
        _require_monitor(actor, "chốt kết quả thẩm định")
        self._require_not_final()
        closes = round_.calendar.response_closes
        if local_date(at) <= closes:
            raise InvalidTransition(
                f"{self.unit}: đơn vị còn được phản hồi đến hết ngày {dmy(closes)}"
            )
        if self.submitted_at is None:
            raise InvalidTransition(f"{self.unit}: chưa nộp kết quả tự đánh giá")
        self._finalized(actor=actor, timestamp=at)

    def enter_survey(
        self, round_: ScoringRound, code: str, points: Decimal, actor: Actor, at: datetime
    ) -> None:
        """Điểm điều tra xã hội học for one survey-based row."""
        _require_monitor(actor, "nhập điểm điều tra xã hội học")
        self._require_not_final()
        row = round_.scorable(code)
        if not row.survey_based:
            raise InvalidValue(
                f"{self.unit}, tiêu chí {row.code}: không phải tiêu chí điều tra xã hội học"
            )
        self._require_evaluated(row.code)
        self._require_within(row, points)
        self._survey_entered(code=str(row.code), points=points, actor=actor, timestamp=at)

    def mark_not_evaluated(
        self, round_: ScoringRound, code: str, reason: str, actor: Actor, at: datetime
    ) -> None:
        """Không đánh giá: the unit has no such duty this year; the row leaves its maximum."""
        _require_monitor(actor, "xác định tiêu chí không đánh giá")
        self._require_not_final()
        row = round_.row(code)
        if row.code.depth < 2 or row.max_points is None:
            raise InvalidValue(
                f"{self.unit}: chỉ tiêu chí hoặc tiêu chí thành phần mới có thể không đánh giá "
                f"({row.code})"
            )
        if not clean(reason):
            raise InvalidValue(f"{self.unit}, tiêu chí {row.code}: cần nêu lý do không đánh giá")
        self._not_evaluated_marked(
            code=str(row.code), reason=clean(reason), actor=actor, timestamp=at
        )

    def clear_not_evaluated(
        self, round_: ScoringRound, code: str, actor: Actor, at: datetime
    ) -> None:
        _require_monitor(actor, "bỏ đánh dấu không đánh giá")
        self._require_not_final()
        row = round_.row(code)
        if str(row.code) not in self.not_evaluated:
            raise InvalidTransition(
                f"{self.unit}, tiêu chí {row.code}: không bị đánh dấu không đánh giá"
            )
        self._not_evaluated_cleared(code=str(row.code), actor=actor, timestamp=at)

    # State changes.

    @event(SelfAssessed)
    def _self_assessed(
        self,
        *,
        code: str,
        points: Decimal,
        evidence: tuple[Evidence, ...],
        explanation: str,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.self_assessed[code] = SelfAssessment(
            points, tuple(evidence), explanation, actor.user, timestamp
        )

    @event(Submitted)
    def _submitted(self, *, actor: Actor, timestamp: datetime) -> None:
        self.submitted_at = timestamp

    @event(Reopened)
    def _reopened(self, *, until: date, reason: str, actor: Actor, timestamp: datetime) -> None:
        self.reopened_until = until
        self.submitted_at = None

    @event(Appraised)
    def _appraised(
        self, *, code: str, points: Decimal, reason: str, actor: Actor, timestamp: datetime
    ) -> None:
        self.appraised[code] = Appraisal(points, reason, actor.user, timestamp)

    @event(Responded)
    def _responded(
        self,
        *,
        code: str,
        explanation: str,
        evidence: tuple[Evidence, ...],
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        answer = Response(explanation, tuple(evidence), actor.user, timestamp)
        self.responses.setdefault(code, []).append(answer)

    @event(Finalized)
    def _finalized(self, *, actor: Actor, timestamp: datetime) -> None:
        self.final = True

    @event(SurveyEntered)
    def _survey_entered(
        self, *, code: str, points: Decimal, actor: Actor, timestamp: datetime
    ) -> None:
        self.survey[code] = points

    @event(NotEvaluatedMarked)
    def _not_evaluated_marked(
        self, *, code: str, reason: str, actor: Actor, timestamp: datetime
    ) -> None:
        self.not_evaluated[code] = reason

    @event(NotEvaluatedCleared)
    def _not_evaluated_cleared(self, *, code: str, actor: Actor, timestamp: datetime) -> None:
        del self.not_evaluated[code]

    # Questions.

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def has_result(self) -> bool:
        """A draft is no result: only a submitted self-assessment or an appraisal counts."""
        return self.submitted or bool(self.appraised) or self.final

    def self_assessment_deadline(self, round_: ScoringRound) -> date:
        """The calendar's date, or the later date Sở Nội vụ reopened the unit until."""
        closes = round_.calendar.self_assessment_closes
        return max(closes, self.reopened_until) if self.reopened_until else closes

    def own_rows(self, round_: ScoringRound) -> tuple[Criterion, ...]:
        """The rows the unit scores itself: not by survey, not marked not evaluated."""
        return tuple(
            c for c in round_.leaves if not c.survey_based and not self.is_not_evaluated(c.code)
        )

    def is_not_evaluated(self, code: CriterionCode) -> bool:
        return any(within(code, CriterionCode.parse(marked)) for marked in self.not_evaluated)

    def scores(self, round_: ScoringRound) -> UnitScores:
        """Appraised points where there are any, else self-assessed; survey rows from the survey."""
        points: dict[str, Decimal] = {}
        for row in round_.leaves:
            code = str(row.code)
            if row.survey_based:
                found = self.survey.get(code)
            elif code in self.appraised:
                found = self.appraised[code].points
            else:
                own = self.self_assessed.get(code)
                found = own.points if own else None
            if found is not None:
                points[code] = found
        return UnitScores(self.unit, points, frozenset(self.not_evaluated), self.result_kind)

    @property
    def result_kind(self) -> ResultKind:
        """A finalized appraisal is the result the province publishes."""
        if self.final:
            return ResultKind.OFFICIAL
        return ResultKind.APPRAISED if self.appraised else ResultKind.SELF_ASSESSED

    # Checks.

    def _own_row(self, round_: ScoringRound, code: str) -> Criterion:
        row = round_.scorable(code)
        if row.survey_based:
            raise InvalidValue(
                f"{self.unit}, tiêu chí {row.code}: chấm bằng điều tra xã hội học; điểm do Sở Nội "
                "vụ nhập"
            )
        self._require_evaluated(row.code)
        return row

    def _require_evaluated(self, code: CriterionCode) -> None:
        if self.is_not_evaluated(code):
            raise InvalidValue(f"{self.unit}, tiêu chí {code}: không đánh giá trong năm nay")

    def _require_within(self, row: Criterion, points: Decimal) -> None:
        maximum = row.max_points or Decimal(0)
        if not Decimal(0) <= points <= maximum:
            raise InvalidValue(
                f"{self.unit}, tiêu chí {row.code}: điểm {vn(points)} ngoài khoảng 0 đến "
                f"{vn(maximum)}"
            )

    def _require_unit_staff(self, actor: Actor, what: str) -> None:
        if not (actor.oversees or actor.speaks_for([self.unit])):
            raise NotPermitted(
                f"{actor.user} ({actor.agency}) không được {what} thay cho {self.unit}"
            )

    def _require_open_for_unit(self, round_: ScoringRound, at: datetime) -> None:
        self._require_not_final()
        if self.submitted:
            raise InvalidTransition(
                f"{self.unit}: đã nộp kết quả tự đánh giá; cần Sở Nội vụ mở lại để sửa"
            )
        deadline = self.self_assessment_deadline(round_)
        if local_date(at) > deadline:
            raise InvalidTransition(
                f"{self.unit}: đã hết hạn tự đánh giá ({dmy(deadline)}); cần Sở Nội vụ mở lại"
            )

    def _require_not_final(self) -> None:
        if self.final:
            raise InvalidTransition(f"{self.unit}: kết quả thẩm định đã chốt")


def _require_monitor(actor: Actor, what: str) -> None:
    if not actor.oversees:
        raise NotPermitted(f"chỉ Sở Nội vụ được {what} ({actor.user}, {actor.agency})")
