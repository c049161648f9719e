"""How the domain's value objects are written into stored events (JSON) and read back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from eventsourcing.persistence import Transcoding

from planner.domain.actor import Actor, Role
from planner.domain.criteria_set import Criterion
from planner.domain.criterion import CriterionCode, CriterionRef, Index, Level
from planner.domain.evidence import Evidence
from planner.domain.import_corrections import Corrections, corrections_from_json, corrections_json
from planner.domain.plan import Obligation
from planner.domain.schedule import Period, Recurrence, Schedule, ScheduleKind
from planner.domain.score_target import Definition
from planner.domain.scoring.calendar import ScoringCalendar
from planner.domain.target import Target, TargetKind


class DateAsISO(Transcoding):
    type = date
    name = "date"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class ActorAsDict(Transcoding):
    type = Actor
    name = "actor"

    def encode(self, obj: Actor) -> dict[str, Any]:
        return {
            "user": obj.user,
            "agency": obj.agency,
            "role": obj.role.value,
            "represents": sorted(obj.represents),
        }

    def decode(self, data: dict[str, Any]) -> Actor:
        return _actor(data["user"], data["agency"], data["role"], tuple(data["represents"]))


@lru_cache(maxsize=4096)
def _actor(user: str, agency: str, role: str, represents: tuple[str, ...]) -> Actor:
    """Actors are immutable and a few users make every change, so each is built once:
    building them again cost a tenth of replaying the log into the views."""
    return Actor(user, agency, Role(role), frozenset(represents))


class CriterionCodeAsText(Transcoding):
    type = CriterionCode
    name = "criterion_code"

    def encode(self, obj: CriterionCode) -> str:
        return str(obj)

    def decode(self, data: str) -> CriterionCode:
        return CriterionCode(tuple(data.split("."))) if data else CriterionCode.total()


class CriterionRefAsText(Transcoding):
    type = CriterionRef
    name = "criterion_ref"

    def encode(self, obj: CriterionRef) -> str:
        return str(obj)

    def decode(self, data: str) -> CriterionRef:
        index, code = data.split(":", 1)
        return CriterionRef(Index(index), CriterionCode(tuple(code.split("."))))


class RecurrenceAsDict(Transcoding):
    type = Recurrence
    name = "recurrence"

    def encode(self, obj: Recurrence) -> dict[str, Any]:
        return {"every": obj.every.value, "day": obj.day, "month": obj.month}

    def decode(self, data: dict[str, Any]) -> Recurrence:
        return Recurrence(Period(data["every"]), data["day"], data["month"])


class ScheduleAsDict(Transcoding):
    type = Schedule
    name = "schedule"

    def encode(self, obj: Schedule) -> dict[str, Any]:
        return {
            "kind": obj.kind.value,
            "text": obj.text,
            "starts_on": obj.starts_on,
            "due_on": obj.due_on,
            "recurrence": obj.recurrence,
            "first_year": obj.first_year,
            "last_year": obj.last_year,
        }

    def decode(self, data: dict[str, Any]) -> Schedule:
        return Schedule(
            ScheduleKind(data["kind"]),
            data["text"],
            starts_on=data["starts_on"],
            due_on=data["due_on"],
            recurrence=data["recurrence"],
            first_year=data["first_year"],
            last_year=data["last_year"],
        )


class EvidenceAsDict(Transcoding):
    type = Evidence
    name = "evidence"

    def encode(self, obj: Evidence) -> dict[str, Any]:
        return {"name": obj.name, "link": obj.link, "file": obj.file}

    def decode(self, data: dict[str, Any]) -> Evidence:
        return Evidence(data["name"], data["link"], data["file"])


class TargetAsDict(Transcoding):
    type = Target
    name = "target"

    def encode(self, obj: Target) -> dict[str, Any]:
        return {"kind": obj.kind.value, "value": obj.value, "text": obj.text}

    def decode(self, data: dict[str, Any]) -> Target:
        value: Decimal | None = data["value"]
        return Target(TargetKind(data["kind"]), value, data["text"])


class DefinitionAsDict(Transcoding):
    type = Definition
    name = "target_definition"

    def encode(self, obj: Definition) -> dict[str, Any]:
        return {
            "name": obj.name,
            "level": obj.level.value,
            "max_points": obj.max_points,
            "last_year_points": obj.last_year_points,
            "target": obj.target,
            "survey_based": obj.survey_based,
            "not_evaluated": obj.not_evaluated,
        }

    def decode(self, data: dict[str, Any]) -> Definition:
        return Definition(
            name=data["name"],
            level=Level(data["level"]),
            max_points=data["max_points"],
            last_year_points=data["last_year_points"],
            target=data["target"],
            survey_based=data["survey_based"],
            not_evaluated=data["not_evaluated"],
        )


class ObligationAsDict(Transcoding):
    type = Obligation
    name = "obligation"

    def encode(self, obj: Obligation) -> dict[str, Any]:
        return {
            "key": obj.key,
            "text": obj.text,
            "schedule": obj.schedule,
            "responsible": list(obj.responsible),
            "report_to": obj.report_to,
        }

    def decode(self, data: dict[str, Any]) -> Obligation:
        return Obligation(
            data["key"],
            data["text"],
            data["schedule"],
            tuple(data["responsible"]),
            data["report_to"],
        )


class CriterionAsDict(Transcoding):
    """A row of a criteria set (Bộ tiêu chí)."""

    type = Criterion
    name = "criteria_set_criterion"

    def encode(self, obj: Criterion) -> dict[str, Any]:
        return {
            "code": obj.code,
            "name": obj.name,
            "max_points": obj.max_points,
            "survey_based": obj.survey_based,
            "notes": obj.notes,
        }

    def decode(self, data: dict[str, Any]) -> Criterion:
        return Criterion(
            data["code"], data["name"], data["max_points"], data["survey_based"], data["notes"]
        )


class ScoringCalendarAsDict(Transcoding):
    """A scoring round's calendar."""

    type = ScoringCalendar
    name = "scoring_calendar"

    def encode(self, obj: ScoringCalendar) -> dict[str, Any]:
        return {
            "survey_by": obj.survey_by,
            "self_assessment_closes": obj.self_assessment_closes,
            "appraisal_closes": obj.appraisal_closes,
            "response_days": obj.response_days,
            "publication_by": obj.publication_by,
        }

    def decode(self, data: dict[str, Any]) -> ScoringCalendar:
        return ScoringCalendar(**data)


class CorrectionsAsDict(Transcoding):
    """What Sở Nội vụ corrected in a document's reading, as `--corrections` files write it."""

    type = Corrections
    name = "import_corrections"

    def encode(self, obj: Corrections) -> dict[str, Any]:
        return corrections_json(obj)

    def decode(self, data: dict[str, Any]) -> Corrections:
        return corrections_from_json(data, "sửa đã ghi")


TRANSCODINGS: tuple[Transcoding, ...] = (
    DateAsISO(),
    ActorAsDict(),
    CriterionCodeAsText(),
    CriterionRefAsText(),
    RecurrenceAsDict(),
    ScheduleAsDict(),
    EvidenceAsDict(),
    TargetAsDict(),
    DefinitionAsDict(),
    ObligationAsDict(),
    CriterionAsDict(),
    ScoringCalendarAsDict(),
    CorrectionsAsDict(),
)
