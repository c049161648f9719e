"""Nhiệm vụ, giải pháp: a row of a plan's appendix, and the work an agency reports on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.criterion import CriterionRef
from planner.domain.effective_day import Dated, effective_day
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted, UnknownOccurrence
from planner.domain.evidence import Evidence
from planner.domain.identity import task_id
from planner.domain.schedule import Schedule
from planner.domain.task_status import ACTION_LABELS, ALLOWED_FROM, Status
from planner.domain.text import clean
from planner.domain.vietnam_time import local_date


@dataclass
class OccurrenceState:
    """The state of one occurrence; a task that does not recur has exactly one, keyed ""."""

    key: str
    due_on: date | None
    status: Status = Status.NOT_STARTED
    percent: int = 0
    status_before_block: Status | None = None
    completed_at: datetime | None = None
    effective_on: date | None = None  # the day its latest change took effect
    requested_to: date | None = None  # an extension asked for and not yet decided
    extended_to: date | None = None  # an approved extension; `due_on` stays for on-time counts

    @property
    def due_by(self) -> date | None:
        """The day the work must be done by now: the approved extension, else the deadline."""
        return self.extended_to or self.due_on


def _recorded_when_effective(state: dict[str, object]) -> None:
    """Changes recorded before effective days existed took effect when they were recorded."""
    state["effective_on"] = None
    state["backdated_because"] = ""


def _added_when_recorded(state: dict[str, object]) -> None:
    state["effective_on"] = None


class Task(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Added(Event, Aggregate.Created):
        plan_id: UUID
        reference: str
        text: str
        criteria: tuple[CriterionRef, ...]
        lead: tuple[str, ...]
        coordinating: tuple[str, ...]
        schedule: Schedule
        expected_output: str
        # The agency cells as the document wrote them ("Các đơn vị được kiểm tra trong năm");
        # added with defaults so tasks recorded before them still load.
        lead_wording: str = ""
        coordinating_wording: str = ""
        # The day the task became part of the plan: the plan's issue day when imported with it.
        effective_on: date | None = None
        class_version = 2
        upcast_v1_v2 = staticmethod(_added_when_recorded)

    class Started(Event):
        occurrence: str
        effective_on: date | None = None
        backdated_because: str = ""
        class_version = 2
        upcast_v1_v2 = staticmethod(_recorded_when_effective)

    class ProgressReported(Event):
        occurrence: str
        percent: int | None
        note: str
        evidence: tuple[Evidence, ...]
        effective_on: date | None = None
        backdated_because: str = ""
        class_version = 2
        upcast_v1_v2 = staticmethod(_recorded_when_effective)

    class Completed(Event):
        occurrence: str
        note: str
        evidence: tuple[Evidence, ...]
        effective_on: date | None = None
        backdated_because: str = ""
        class_version = 2
        upcast_v1_v2 = staticmethod(_recorded_when_effective)

    class Blocked(Event):
        occurrence: str
        reason: str
        effective_on: date | None = None
        backdated_because: str = ""
        class_version = 2
        upcast_v1_v2 = staticmethod(_recorded_when_effective)

    class Unblocked(Event):
        occurrence: str
        note: str
        status: Status  # the status the work returns to
        effective_on: date | None = None
        backdated_because: str = ""
        class_version = 2
        upcast_v1_v2 = staticmethod(_recorded_when_effective)

    class Cancelled(Event):
        occurrences: tuple[str, ...]
        reason: str
        effective_on: date | None = None
        backdated_because: str = ""
        class_version = 2
        upcast_v1_v2 = staticmethod(_recorded_when_effective)

    class Reopened(Event):
        occurrence: str
        reason: str
        effective_on: date | None = None
        backdated_because: str = ""
        class_version = 2
        upcast_v1_v2 = staticmethod(_recorded_when_effective)

    class DeadlineChanged(Event):
        occurrence: str
        due_on: date
        reason: str
        effective_on: date | None = None
        backdated_because: str = ""
        class_version = 2
        upcast_v1_v2 = staticmethod(_recorded_when_effective)

    class Reassigned(Event):
        lead: tuple[str, ...]
        coordinating: tuple[str, ...]
        reason: str
        effective_on: date | None = None
        backdated_because: str = ""
        class_version = 2
        upcast_v1_v2 = staticmethod(_recorded_when_effective)

    class ExtensionRequested(Event):
        """Xin gia hạn: the lead asks to finish by `to`, for `reason`."""

        occurrence: str
        to: date
        reason: str
        effective_on: date | None = None
        backdated_because: str = ""

    class ExtensionDecided(Event):
        """Sở Nội vụ approves (the work is due by `to`) or refuses a pending request."""

        occurrence: str
        approved: bool
        to: date
        reason: str
        effective_on: date | None = None
        backdated_because: str = ""

    @staticmethod
    def create_id(plan_id: UUID, reference: str, text: str, **_: object) -> UUID:
        return task_id(plan_id, reference, text)

    @classmethod
    def add(
        cls,
        *,
        plan_id: UUID,
        reference: str,
        text: str,
        criteria: tuple[CriterionRef, ...],
        lead: tuple[str, ...],
        coordinating: tuple[str, ...],
        schedule: Schedule,
        expected_output: str,
        actor: Actor,
        at: datetime,
        lead_wording: str = "",
        coordinating_wording: str = "",
        effective_on: date | None = None,
    ) -> Task:
        """Register a task of a plan; only Sở Nội vụ (or the importer) registers plan tasks."""
        if not actor.oversees:
            raise NotPermitted(f"{actor.agency} không được thêm nhiệm vụ vào kế hoạch")
        if not clean(text):
            raise InvalidValue("nhiệm vụ: cần có nội dung nhiệm vụ")
        if effective_on is not None and effective_on > local_date(at):
            raise InvalidValue(f"nhiệm vụ {clean(reference)}: ngày hiệu lực chưa tới")
        return cls(
            plan_id=plan_id,
            reference=clean(reference),
            text=clean(text),
            criteria=criteria,
            lead=tuple(dict.fromkeys(lead)),
            coordinating=tuple(code for code in dict.fromkeys(coordinating) if code not in lead),
            schedule=schedule,
            expected_output=clean(expected_output),
            lead_wording=clean(lead_wording),
            coordinating_wording=clean(coordinating_wording),
            effective_on=effective_on or local_date(at),
            actor=actor,
            timestamp=at,
        )

    @event(Added)
    def __init__(
        self,
        *,
        plan_id: UUID,
        reference: str,
        text: str,
        criteria: tuple[CriterionRef, ...],
        lead: tuple[str, ...],
        coordinating: tuple[str, ...],
        schedule: Schedule,
        expected_output: str,
        actor: Actor,
        timestamp: datetime,
        lead_wording: str = "",
        coordinating_wording: str = "",
        effective_on: date | None = None,
    ) -> None:
        self.plan_id = plan_id
        self.reference = reference
        self.text = text
        self.criteria = tuple(criteria)
        self.lead = tuple(lead)
        self.coordinating = tuple(coordinating)
        self.schedule = schedule
        self.expected_output = expected_output
        self.lead_wording = lead_wording
        self.coordinating_wording = coordinating_wording
        self.effective_on = effective_on or local_date(timestamp)
        self.occurrences = {
            o.key: OccurrenceState(o.key, o.due_on, effective_on=self.effective_on)
            for o in schedule.occurrences()
        }

    @property
    def label(self) -> str:
        """How messages name this task: its reference, or the start of its text."""
        return self.reference or (self.text[:60] + ("…" if len(self.text) > 60 else ""))

    # Commands: each checks who may act and whether the lifecycle allows it, then records.
    # `dated` says the change took effect on an earlier day than `at` (with a reason).

    def start(
        self, occurrence: str | None, actor: Actor, at: datetime, dated: Dated | None = None
    ) -> None:
        state = self._occurrence_for("start", occurrence, actor)
        self._started(
            occurrence=state.key, actor=actor, timestamp=at, **self._when(dated, actor, at, state)
        )

    def report_progress(
        self,
        occurrence: str | None,
        percent: int | None,
        note: str,
        evidence: tuple[Evidence, ...],
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
    ) -> None:
        """Lead agencies report a percentage; coordinating agencies may add notes and evidence."""
        if percent is not None and not 0 <= percent <= 100:
            raise InvalidValue(
                f"nhiệm vụ {self.label}: tiến độ phải từ 0 đến 100%, không phải {percent}"
            )
        if percent is None and not clean(note) and not evidence:
            raise InvalidValue(f"nhiệm vụ {self.label}: báo cáo cần tiến độ, ghi chú hoặc tài liệu")
        if self._coordinates_only(actor):
            if percent is not None:
                raise NotPermitted(
                    f"{actor.agency} phối hợp thực hiện nhiệm vụ {self.label}: chỉ được ghi chú "
                    "và gửi tài liệu kiểm chứng, không cập nhật tiến độ"
                )
            state = self._occurrence(occurrence)
            self._require_status("progress", state)
        else:
            state = self._occurrence_for("progress", occurrence, actor)
        self._progress_reported(
            occurrence=state.key,
            percent=percent,
            note=clean(note),
            evidence=evidence,
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, state),
        )

    def complete(
        self,
        occurrence: str | None,
        note: str,
        evidence: tuple[Evidence, ...],
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
    ) -> None:
        state = self._occurrence_for("complete", occurrence, actor)
        self._completed(
            occurrence=state.key,
            note=clean(note),
            evidence=evidence,
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, state),
        )

    def block(
        self,
        occurrence: str | None,
        reason: str,
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
    ) -> None:
        state = self._occurrence_for("block", occurrence, actor)
        self._blocked(
            occurrence=state.key,
            reason=self._reason(reason, "block"),
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, state),
        )

    def unblock(
        self,
        occurrence: str | None,
        note: str,
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
    ) -> None:
        state = self._occurrence_for("unblock", occurrence, actor)
        self._unblocked(
            occurrence=state.key,
            note=clean(note),
            status=state.status_before_block or Status.IN_PROGRESS,
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, state),
        )

    def reopen(
        self,
        occurrence: str | None,
        reason: str,
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
    ) -> None:
        state = self._occurrence_for("reopen", occurrence, actor)
        self._reopened(
            occurrence=state.key,
            reason=self._reason(reason, "reopen"),
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, state),
        )

    def cancel(
        self,
        occurrence: str | None,
        reason: str,
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
    ) -> None:
        """Cancel one occurrence, or (with no occurrence) every open occurrence of the task."""
        self._require_oversight(actor, "cancel")
        if occurrence is None and len(self.occurrences) > 1:
            keys = tuple(
                k for k, s in self.occurrences.items() if s.status in ALLOWED_FROM["cancel"]
            )
            if not keys:
                raise InvalidTransition(f"nhiệm vụ {self.label}: không còn kỳ nào để hủy")
        else:
            state = self._occurrence(occurrence)
            self._require_status("cancel", state)
            keys = (state.key,)
        self._cancelled(
            occurrences=keys,
            reason=self._reason(reason, "cancel"),
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, *(self.occurrences[k] for k in keys)),
        )

    def change_deadline(
        self,
        occurrence: str | None,
        due_on: date,
        reason: str,
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
    ) -> None:
        self._require_oversight(actor, "change_deadline")
        state = self._occurrence(occurrence)
        if state.status.is_closed:
            raise InvalidTransition(
                f"nhiệm vụ {self.label}{self._of(state)}: đã {state.status.label.lower()}, "
                "không điều chỉnh thời hạn"
            )
        self._deadline_changed(
            occurrence=state.key,
            due_on=due_on,
            reason=self._reason(reason, "change_deadline"),
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, state),
        )

    def reassign(
        self,
        lead: tuple[str, ...],
        coordinating: tuple[str, ...],
        reason: str,
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
    ) -> None:
        self._require_oversight(actor, "reassign")
        if not lead:
            raise InvalidValue(f"nhiệm vụ {self.label}: cần ít nhất một cơ quan chủ trì")
        lead = tuple(dict.fromkeys(lead))
        coordinating = tuple(c for c in dict.fromkeys(coordinating) if c not in lead)
        if (lead, coordinating) == (self.lead, self.coordinating):
            raise InvalidValue(f"nhiệm vụ {self.label}: phân công không thay đổi")
        self._reassigned(
            lead=lead,
            coordinating=coordinating,
            reason=self._reason(reason, "reassign"),
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, *self.occurrences.values()),
        )

    def request_extension(
        self,
        occurrence: str | None,
        to: date,
        reason: str,
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
    ) -> None:
        """Xin gia hạn: the lead (or Sở Nội vụ for it) asks for a later day, with a reason."""
        state = self._occurrence_for("request_extension", occurrence, actor)
        where = f"nhiệm vụ {self.label}{self._of(state)}"
        if state.due_by is None:
            raise InvalidValue(f"{where}: không có thời hạn cụ thể, không cần xin gia hạn")
        if to <= state.due_by:
            raise InvalidValue(
                f"{where}: xin gia hạn đến {to:%d/%m/%Y} phải sau thời hạn hiện tại "
                f"{state.due_by:%d/%m/%Y}"
            )
        if state.requested_to is not None:
            raise InvalidTransition(
                f"{where}: đã xin gia hạn đến {state.requested_to:%d/%m/%Y}, "
                "đang chờ Sở Nội vụ quyết định"
            )
        self._extension_requested(
            occurrence=state.key,
            to=to,
            reason=self._reason(reason, "request_extension"),
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, state),
        )

    def decide_extension(
        self,
        occurrence: str | None,
        approved: bool,
        reason: str,
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
    ) -> None:
        """Sở Nội vụ approves or refuses the pending request; the first deadline is kept."""
        self._require_oversight(actor, "decide_extension")
        state = self._occurrence(occurrence)
        if state.requested_to is None:
            raise InvalidTransition(
                f"nhiệm vụ {self.label}{self._of(state)}: không có đề nghị gia hạn nào đang chờ"
            )
        self._extension_decided(
            occurrence=state.key,
            approved=approved,
            to=state.requested_to,
            reason=self._reason(reason, "decide_extension"),
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, state),
        )

    # Events: how each recorded change alters the task. Each moves its occurrences'
    # effective day forward, so no later change can be dated before it.

    @event(Started)
    def _started(
        self,
        *,
        occurrence: str,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        state = self.occurrences[occurrence]
        state.status = Status.IN_PROGRESS
        self._took_effect(timestamp, effective_on, state)

    @event(ProgressReported)
    def _progress_reported(
        self,
        *,
        occurrence: str,
        percent: int | None,
        note: str,
        evidence: tuple[Evidence, ...],
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        state = self.occurrences[occurrence]
        if percent is not None:
            state.percent = percent
            if state.status is Status.NOT_STARTED:
                state.status = Status.IN_PROGRESS
        self._took_effect(timestamp, effective_on, state)

    @event(Completed)
    def _completed(
        self,
        *,
        occurrence: str,
        note: str,
        evidence: tuple[Evidence, ...],
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        state = self.occurrences[occurrence]
        state.status, state.percent, state.completed_at = Status.COMPLETED, 100, timestamp
        state.requested_to = None
        self._took_effect(timestamp, effective_on, state)

    @event(Blocked)
    def _blocked(
        self,
        *,
        occurrence: str,
        reason: str,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        state = self.occurrences[occurrence]
        state.status_before_block, state.status = state.status, Status.BLOCKED
        self._took_effect(timestamp, effective_on, state)

    @event(Unblocked)
    def _unblocked(
        self,
        *,
        occurrence: str,
        note: str,
        status: Status,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        state = self.occurrences[occurrence]
        state.status, state.status_before_block = Status(status), None
        self._took_effect(timestamp, effective_on, state)

    @event(Cancelled)
    def _cancelled(
        self,
        *,
        occurrences: tuple[str, ...],
        reason: str,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        for key in occurrences:
            self.occurrences[key].status = Status.CANCELLED
            self.occurrences[key].requested_to = None
            self._took_effect(timestamp, effective_on, self.occurrences[key])

    @event(Reopened)
    def _reopened(
        self,
        *,
        occurrence: str,
        reason: str,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        state = self.occurrences[occurrence]
        state.status, state.completed_at = Status.IN_PROGRESS, None
        self._took_effect(timestamp, effective_on, state)

    @event(DeadlineChanged)
    def _deadline_changed(
        self,
        *,
        occurrence: str,
        due_on: date,
        reason: str,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        state = self.occurrences[occurrence]
        # A new deadline decided by Sở Nội vụ replaces any extension granted before it.
        state.due_on, state.extended_to = due_on, None
        self._took_effect(timestamp, effective_on, state)

    @event(Reassigned)
    def _reassigned(
        self,
        *,
        lead: tuple[str, ...],
        coordinating: tuple[str, ...],
        reason: str,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        self.lead, self.coordinating = tuple(lead), tuple(coordinating)
        self._took_effect(timestamp, effective_on, *self.occurrences.values())

    @event(ExtensionRequested)
    def _extension_requested(
        self,
        *,
        occurrence: str,
        to: date,
        reason: str,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        state = self.occurrences[occurrence]
        state.requested_to = to
        self._took_effect(timestamp, effective_on, state)

    @event(ExtensionDecided)
    def _extension_decided(
        self,
        *,
        occurrence: str,
        approved: bool,
        to: date,
        reason: str,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        state = self.occurrences[occurrence]
        state.requested_to = None
        if approved:
            state.extended_to = to
        self._took_effect(timestamp, effective_on, state)

    # Rules shared by the commands.

    def _when(
        self, dated: Dated | None, actor: Actor, at: datetime, *states: OccurrenceState
    ) -> dict[str, Any]:
        """The effective day to record with a change of `states`, checked against their last."""
        latest = max((s.effective_on for s in states if s.effective_on), default=None)
        day, because = effective_day(dated, actor, local_date(at), f"nhiệm vụ {self.label}", latest)
        return {"effective_on": day, "backdated_because": because}

    @staticmethod
    def _took_effect(
        timestamp: datetime, effective_on: date | None, *states: OccurrenceState
    ) -> None:
        day = effective_on or local_date(timestamp)
        for state in states:
            state.effective_on = max(day, state.effective_on or day)

    def _occurrence_for(self, action: str, key: str | None, actor: Actor) -> OccurrenceState:
        if not (actor.oversees or actor.speaks_for(self.lead)):
            raise NotPermitted(
                f"{actor.agency} không chủ trì nhiệm vụ {self.label}; chỉ cơ quan chủ trì "
                f"({', '.join(self.lead)}) hoặc Sở Nội vụ được {ACTION_LABELS[action]}"
            )
        state = self._occurrence(key)
        self._require_status(action, state)
        return state

    def _occurrence(self, key: str | None) -> OccurrenceState:
        if key is None or key == "":
            if len(self.occurrences) == 1:
                return next(iter(self.occurrences.values()))
            raise UnknownOccurrence(
                f"nhiệm vụ {self.label} thực hiện theo kỳ; hãy chọn một kỳ: "
                + ", ".join(self.occurrences)
            )
        if key not in self.occurrences:
            raise UnknownOccurrence(
                f"nhiệm vụ {self.label} không có kỳ '{key}'; các kỳ: " + ", ".join(self.occurrences)
            )
        return self.occurrences[key]

    def _require_status(self, action: str, state: OccurrenceState) -> None:
        if state.status not in ALLOWED_FROM[action]:
            raise InvalidTransition(
                f"nhiệm vụ {self.label}{self._of(state)} đang ở trạng thái "
                f"'{state.status.label}', không thể {ACTION_LABELS[action]}"
            )

    def _require_oversight(self, actor: Actor, action: str) -> None:
        if not actor.oversees:
            raise NotPermitted(
                f"chỉ Sở Nội vụ được {ACTION_LABELS[action]} nhiệm vụ {self.label} "
                f"({actor.agency} không có quyền này)"
            )

    def _coordinates_only(self, actor: Actor) -> bool:
        return (
            not actor.oversees
            and actor.speaks_for(self.coordinating)
            and not actor.speaks_for(self.lead)
        )

    def _reason(self, reason: str, action: str) -> str:
        text = clean(reason)
        if not text:
            raise InvalidValue(f"nhiệm vụ {self.label}: cần nêu lý do khi {ACTION_LABELS[action]}")
        return text

    @staticmethod
    def _of(state: OccurrenceState) -> str:
        return f" (kỳ {state.key})" if state.key else ""
