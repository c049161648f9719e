"""Nhiệm vụ, giải pháp: a row of a plan's appendix, and the work an agency reports on it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.criterion import CriterionRef
from planner.domain.effective_day import Dated, effective_day
from planner.domain.errors import (
    InvalidTransition,
    InvalidValue,
    NotPermitted,
    UnknownOccurrence,
    UnknownPart,
)
from planner.domain.evidence import Evidence
from planner.domain.identity import task_id
from planner.domain.schedule import Schedule
from planner.domain.task_part import (
    UNASSIGNED,
    PartState,
    occurrence_percent,
    occurrence_status,
)
from planner.domain.task_status import ACTION_LABELS, ALLOWED_FROM, Status
from planner.domain.text import clean
from planner.domain.vietnam_time import local_date


@dataclass
class OccurrenceState:
    """The state of one occurrence; a task that does not recur has exactly one, keyed "".

    Each lead body answers for its own part; the occurrence's status is derived from them.
    """

    key: str
    due_on: date | None
    parts: dict[str, PartState] = field(default_factory=dict)
    inputs: dict[str, date] = field(default_factory=dict)  # coordinating body → day sent
    effective_on: date | None = None  # the day its latest change took effect
    requested_to: date | None = None  # an extension asked for and not yet decided
    extended_to: date | None = None  # an approved extension; `due_on` stays for on-time counts

    @property
    def status(self) -> Status:
        return occurrence_status(p.status for p in self.parts.values() if p.applies)

    @property
    def percent(self) -> int:
        return occurrence_percent(
            p.percent for p in self.parts.values() if p.applies and p.status != Status.CANCELLED
        )

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


def _led_by_names(state: dict[str, object]) -> None:
    """Tasks recorded before lead groups were kept name their lead bodies one by one."""
    state["lead_groups"] = ()


def _part_unnamed(state: dict[str, object]) -> None:
    """Work recorded before parts existed names no part: `None` reads it as its author meant
    (Sở Nội vụ's change was the whole task's, a lead body's its own part)."""
    state["part"] = None


def _new_parts(lead: tuple[str, ...]) -> dict[str, PartState]:
    return {code: PartState(code) for code in lead or (UNASSIGNED,)}


def reassigned_parts(parts: dict[str, PartState], lead: tuple[str, ...]) -> dict[str, PartState]:
    """Bodies still leading keep their parts; new leads get new ones (the unassigned part's
    state, if the work had none before)."""
    kept = {code: part for code, part in parts.items() if code in lead}
    unassigned = parts.get(UNASSIGNED)
    for code in lead:
        if code not in kept:
            kept[code] = replace(unassigned, body=code) if unassigned else PartState(code)
    return kept or _new_parts(lead)


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
        # The registry groups the lead cell named as a whole ("Các sở, ban, ngành"): a body
        # joining one later leads the occurrences still to come.
        lead_groups: tuple[str, ...] = ()
        class_version = 3
        upcast_v1_v2 = staticmethod(_added_when_recorded)
        upcast_v2_v3 = staticmethod(_led_by_names)

    class LeadJoined(Event):
        """A body that joined a lead group after the task was set leads its occurrences still
        to come, each with a part of its own."""

        body: str
        group: str
        occurrences: tuple[str, ...]

    class Started(Event):
        occurrence: str
        effective_on: date | None = None
        backdated_because: str = ""
        part: str | None = None  # the lead body whose part this is
        class_version = 3
        upcast_v1_v2 = staticmethod(_recorded_when_effective)
        upcast_v2_v3 = staticmethod(_part_unnamed)

    class ProgressReported(Event):
        occurrence: str
        percent: int | None
        note: str
        evidence: tuple[Evidence, ...]
        effective_on: date | None = None
        backdated_because: str = ""
        part: str | None = None  # the lead body whose part this is
        class_version = 3
        upcast_v1_v2 = staticmethod(_recorded_when_effective)
        upcast_v2_v3 = staticmethod(_part_unnamed)

    class Completed(Event):
        occurrence: str
        note: str
        evidence: tuple[Evidence, ...]
        effective_on: date | None = None
        backdated_because: str = ""
        part: str | None = None  # the lead body whose part this is
        class_version = 3
        upcast_v1_v2 = staticmethod(_recorded_when_effective)
        upcast_v2_v3 = staticmethod(_part_unnamed)

    class Blocked(Event):
        occurrence: str
        reason: str
        effective_on: date | None = None
        backdated_because: str = ""
        part: str | None = None  # the lead body whose part this is
        class_version = 3
        upcast_v1_v2 = staticmethod(_recorded_when_effective)
        upcast_v2_v3 = staticmethod(_part_unnamed)

    class Unblocked(Event):
        occurrence: str
        note: str
        status: Status  # the status the work returns to
        effective_on: date | None = None
        backdated_because: str = ""
        part: str | None = None  # the lead body whose part this is
        class_version = 3
        upcast_v1_v2 = staticmethod(_recorded_when_effective)
        upcast_v2_v3 = staticmethod(_part_unnamed)

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
        part: str | None = None  # the lead body whose part this is
        class_version = 3
        upcast_v1_v2 = staticmethod(_recorded_when_effective)
        upcast_v2_v3 = staticmethod(_part_unnamed)

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

    class InputSent(Event):
        """Đã gửi ý kiến/số liệu: a coordinating body sent its input to the lead."""

        occurrence: str
        body: str
        note: str
        evidence: tuple[Evidence, ...]
        effective_on: date | None = None
        backdated_because: str = ""

    class MarkedNotApplicable(Event):
        """Không áp dụng: these bodies' parts of these occurrences are not theirs to do."""

        occurrences: tuple[str, ...]
        parts: tuple[str, ...]
        reason: str
        effective_on: date | None = None
        backdated_because: str = ""

    class PartsExtended(Event):
        """Gia hạn cho cơ quan: these bodies' parts of these occurrences are due by `to`; the
        deadline stays what it was for the on-time count."""

        occurrences: tuple[str, ...]
        parts: tuple[str, ...]
        to: date
        reason: str
        effective_on: date | None = None
        backdated_because: str = ""

    class MarkedApplicable(Event):
        occurrences: tuple[str, ...]
        parts: tuple[str, ...]
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
        lead_groups: tuple[str, ...] = (),
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
            lead_groups=tuple(dict.fromkeys(lead_groups)),
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
        lead_groups: tuple[str, ...] = (),
    ) -> None:
        self.plan_id = plan_id
        self.lead_groups = tuple(lead_groups)
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
            o.key: OccurrenceState(
                o.key, o.due_on, _new_parts(self.lead), effective_on=self.effective_on
            )
            for o in schedule.occurrences()
        }

    @property
    def label(self) -> str:
        """How messages name this task: its reference, or the start of its text."""
        return self.reference or (self.text[:60] + ("…" if len(self.text) > 60 else ""))

    # Commands: each checks who may act and whether the lifecycle allows it, then records.
    # `dated` says the change took effect on an earlier day than `at` (with a reason).

    def start(
        self,
        occurrence: str | None,
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
        part: str | None = None,
    ) -> None:
        state, own = self._part_for("start", occurrence, part, actor)
        self._started(
            occurrence=state.key,
            part=own.body,
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, state),
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
        part: str | None = None,
    ) -> None:
        """Lead bodies report their part's percentage; coordinating bodies add notes, evidence."""
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
            self._require_status("progress", state.status, state)
            body = actor.agency  # a note of the coordinating body: no part of its own changes
        else:
            state, own = self._part_for("progress", occurrence, part, actor)
            body = own.body
        self._progress_reported(
            occurrence=state.key,
            part=body,
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
        part: str | None = None,
    ) -> None:
        state, own = self._part_for("complete", occurrence, part, actor)
        self._completed(
            occurrence=state.key,
            part=own.body,
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
        part: str | None = None,
    ) -> None:
        state, own = self._part_for("block", occurrence, part, actor)
        self._blocked(
            occurrence=state.key,
            part=own.body,
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
        part: str | None = None,
    ) -> None:
        state, own = self._part_for("unblock", occurrence, part, actor)
        self._unblocked(
            occurrence=state.key,
            part=own.body,
            note=clean(note),
            status=own.status_before_block or Status.IN_PROGRESS,
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
        part: str | None = None,
    ) -> None:
        """Reopen a part; Sở Nội vụ reopening a cancelled occurrence reopens every part."""
        state = self._occurrence(occurrence)
        whole = part is None and actor.oversees and state.status is Status.CANCELLED
        body = None if whole else self._part_for("reopen", occurrence, part, actor)[1].body
        self._reopened(
            occurrence=state.key,
            part=body,
            reason=self._reason(reason, "reopen"),
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, state),
        )

    def send_input(
        self,
        occurrence: str | None,
        note: str,
        evidence: tuple[Evidence, ...],
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
        body: str | None = None,
    ) -> None:
        """A coordinating body sends its input (ý kiến, số liệu) to the lead; Sở Nội vụ may
        record it for the body."""
        sender = body if body is not None else actor.agency
        if sender not in self.coordinating:
            raise NotPermitted(
                f"{sender} không phối hợp thực hiện nhiệm vụ {self.label}; các cơ quan phối hợp: "
                f"{', '.join(self.coordinating) or '—'}"
            )
        if not (actor.oversees or actor.speaks_for((sender,))):
            raise NotPermitted(f"{actor.agency} không gửi ý kiến thay {sender}")
        state = self._occurrence(occurrence)
        self._require_status("send_input", state.status, state)
        if not clean(note) and not evidence:
            raise InvalidValue(f"nhiệm vụ {self.label}: cần nội dung ý kiến hoặc tài liệu gửi kèm")
        self._input_sent(
            occurrence=state.key,
            body=sender,
            note=clean(note),
            evidence=evidence,
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, state),
        )

    def mark_not_applicable(
        self,
        occurrences: tuple[str, ...],
        bodies: tuple[str, ...],
        reason: str,
        actor: Actor,
        at: datetime,
        applicable: bool = False,
    ) -> None:
        """Không áp dụng (or applicable again): Sở Nội vụ, for many bodies at once."""
        self._require_oversight(actor, "not_applicable")
        keys, states = self._with_parts(occurrences, bodies)
        mark = self._marked_applicable if applicable else self._marked_not_applicable
        mark(
            occurrences=keys,
            parts=tuple(dict.fromkeys(bodies)),
            reason=self._reason(reason, "not_applicable"),
            actor=actor,
            timestamp=at,
            **self._when(None, actor, at, *states),
        )

    def join_lead(self, body: str, group: str, since: date, actor: Actor, at: datetime) -> bool:
        """`body` joined `group` on `since`: it leads the occurrences due from then on, if the
        task was given to that group; False (nothing recorded) when there is nothing to join."""
        if group not in self.lead_groups or body in self.lead:
            return False
        keys = tuple(
            k
            for k, state in self.occurrences.items()
            if not state.status.is_closed and (state.due_by is None or state.due_by >= since)
        )
        if not keys:
            return False
        self._lead_joined(body=body, group=group, occurrences=keys, actor=actor, timestamp=at)
        return True

    @event(LeadJoined)
    def _lead_joined(
        self,
        *,
        body: str,
        group: str,
        occurrences: tuple[str, ...],
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.lead = (*self.lead, body)
        for key in occurrences:
            self.occurrences[key].parts[body] = PartState(body)

    def extend_parts(
        self,
        occurrences: tuple[str, ...],
        bodies: tuple[str, ...],
        to: date,
        reason: str,
        actor: Actor,
        at: datetime,
        dated: Dated | None = None,
    ) -> None:
        """Sở Nội vụ gives some bodies a later day for their own parts, in one action."""
        self._require_oversight(actor, "extend_parts")
        keys, states = self._with_parts(occurrences, bodies)
        for state in states:
            self._check_extension(state, bodies, to)
        self._parts_extended(
            occurrences=keys,
            parts=tuple(dict.fromkeys(bodies)),
            to=to,
            reason=self._reason(reason, "extend_parts"),
            actor=actor,
            timestamp=at,
            **self._when(dated, actor, at, *states),
        )

    def _with_parts(
        self, occurrences: tuple[str, ...], bodies: tuple[str, ...]
    ) -> tuple[tuple[str, ...], list[OccurrenceState]]:
        """The occurrences a bulk action names (none: every open one), each checked to have a
        part for every body named."""
        keys = occurrences or tuple(
            k for k, s in self.occurrences.items() if not s.status.is_closed
        )
        states = [self._occurrence(k) for k in keys]
        for state in states:
            missing = [b for b in bodies if b not in state.parts]
            if missing:
                raise UnknownPart(
                    f"nhiệm vụ {self.label}{self._of(state)} không giao cho "
                    f"{', '.join(missing)}; các cơ quan chủ trì: {', '.join(state.parts)}"
                )
        return keys, states

    def _check_extension(self, state: OccurrenceState, bodies: tuple[str, ...], to: date) -> None:
        where = f"nhiệm vụ {self.label}{self._of(state)}"
        closed = [b for b in bodies if state.parts[b].status.is_closed]
        if closed:
            raise InvalidTransition(
                f"{where}: phần của {', '.join(closed)} đã xong hoặc đã hủy, không cần gia hạn"
            )
        if state.due_by is None or to <= state.due_by:
            due = f"{state.due_by:%d/%m/%Y}" if state.due_by else "chưa có"
            raise InvalidValue(
                f"{where}: ngày gia hạn {to:%d/%m/%Y} phải sau thời hạn hiện tại ({due})"
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
            self._require_status("cancel", state.status, state)
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
        self._require_lead_or_oversight(actor, "request_extension")
        state = self._occurrence(occurrence)
        self._require_status("request_extension", state.status, state)
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
        part: str | None = None,
    ) -> None:
        state = self.occurrences[occurrence]
        for own in self._touched(state, part, actor):
            own.status = Status.IN_PROGRESS
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
        part: str | None = None,
    ) -> None:
        state = self.occurrences[occurrence]
        if percent is not None:
            for own in self._touched(state, part, actor):
                own.percent = percent
                if own.status is Status.NOT_STARTED:
                    own.status = Status.IN_PROGRESS
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
        part: str | None = None,
    ) -> None:
        state = self.occurrences[occurrence]
        for own in self._touched(state, part, actor):
            own.status, own.percent = Status.COMPLETED, 100
        if state.status is Status.COMPLETED:
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
        part: str | None = None,
    ) -> None:
        state = self.occurrences[occurrence]
        for own in self._touched(state, part, actor):
            own.status_before_block, own.status = own.status, Status.BLOCKED
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
        part: str | None = None,
    ) -> None:
        state = self.occurrences[occurrence]
        for own in self._touched(state, part, actor):
            own.status, own.status_before_block = Status(status), None
        self._took_effect(timestamp, effective_on, state)

    @event(InputSent)
    def _input_sent(
        self,
        *,
        occurrence: str,
        body: str,
        note: str,
        evidence: tuple[Evidence, ...],
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        state = self.occurrences[occurrence]
        state.inputs[body] = effective_on or local_date(timestamp)
        self._took_effect(timestamp, effective_on, state)

    @event(MarkedNotApplicable)
    def _marked_not_applicable(
        self,
        *,
        occurrences: tuple[str, ...],
        parts: tuple[str, ...],
        reason: str,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        self._set_applies(occurrences, parts, False, timestamp, effective_on)

    @event(PartsExtended)
    def _parts_extended(
        self,
        *,
        occurrences: tuple[str, ...],
        parts: tuple[str, ...],
        to: date,
        reason: str,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        for key in occurrences:
            for body in parts:
                self.occurrences[key].parts[body].extended_to = to
            self._took_effect(timestamp, effective_on, self.occurrences[key])

    @event(MarkedApplicable)
    def _marked_applicable(
        self,
        *,
        occurrences: tuple[str, ...],
        parts: tuple[str, ...],
        reason: str,
        actor: Actor,
        timestamp: datetime,
        effective_on: date | None = None,
        backdated_because: str = "",
    ) -> None:
        self._set_applies(occurrences, parts, True, timestamp, effective_on)

    def _set_applies(
        self,
        occurrences: tuple[str, ...],
        parts: tuple[str, ...],
        applies: bool,
        timestamp: datetime,
        effective_on: date | None,
    ) -> None:
        for key in occurrences:
            for body in parts:
                self.occurrences[key].parts[body].applies = applies
            self._took_effect(timestamp, effective_on, self.occurrences[key])

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
            for own in self.occurrences[key].parts.values():
                own.status = Status.CANCELLED
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
        part: str | None = None,
    ) -> None:
        state = self.occurrences[occurrence]
        for own in self._touched(state, part, actor):
            own.status = Status.IN_PROGRESS
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
        for part in state.parts.values():
            part.extended_to = None
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
        self.lead_groups = ()  # named one by one now: a body joining a group does not join
        for state in self.occurrences.values():
            if not state.status.is_closed:
                state.parts = reassigned_parts(state.parts, self.lead)
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

    def _part_for(
        self, action: str, key: str | None, part: str | None, actor: Actor
    ) -> tuple[OccurrenceState, PartState]:
        """The occurrence and the body's part an action is for; a lead body acts on its own."""
        self._require_lead_or_oversight(actor, action)
        state = self._occurrence(key)
        own = self._own_part(state, part, actor)
        self._require_status(action, own.status, state, own)
        return state, own

    def _require_lead_or_oversight(self, actor: Actor, action: str) -> None:
        if not (actor.oversees or actor.speaks_for(self.lead)):
            raise NotPermitted(
                f"{actor.agency} không chủ trì nhiệm vụ {self.label}; chỉ cơ quan chủ trì "
                f"({', '.join(self.lead)}) hoặc Sở Nội vụ được {ACTION_LABELS[action]}"
            )

    def _own_part(self, state: OccurrenceState, part: str | None, actor: Actor) -> PartState:
        if part is not None:
            if part not in state.parts:
                raise UnknownPart(
                    f"nhiệm vụ {self.label}{self._of(state)} không có phần của {part}; "
                    f"các cơ quan chủ trì: {', '.join(state.parts) or '—'}"
                )
            if not (actor.oversees or actor.speaks_for((part,))):
                raise NotPermitted(
                    f"{actor.agency} chỉ cập nhật phần việc của mình, không phải của {part} "
                    f"(nhiệm vụ {self.label})"
                )
            return state.parts[part]
        own = [
            p for code, p in state.parts.items() if not actor.oversees and actor.speaks_for((code,))
        ]
        if own:
            return next((p for p in own if not p.status.is_closed), own[0])
        if len(state.parts) == 1:
            return next(iter(state.parts.values()))
        raise UnknownPart(
            f"nhiệm vụ {self.label}{self._of(state)} do {len(state.parts)} cơ quan chủ trì, mỗi "
            f"cơ quan một phần; hãy chọn phần của cơ quan nào: {', '.join(state.parts)}"
        )

    @staticmethod
    def _touched(state: OccurrenceState, part: str | None, actor: Actor) -> list[PartState]:
        """The parts a recorded change applies to (see `_part_unnamed` for `None`)."""
        if part is not None:
            return [state.parts[part]] if part in state.parts else []
        if actor.oversees:
            return list(state.parts.values())
        own = [p for code, p in state.parts.items() if actor.speaks_for((code,))]
        return own or list(state.parts.values())

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

    def _require_status(
        self,
        action: str,
        status: Status,
        state: OccurrenceState,
        part: PartState | None = None,
    ) -> None:
        if part is not None and not part.applies:
            raise InvalidTransition(
                f"nhiệm vụ {self.label}{self._of(state)}: phần của {part.body} đã được đánh dấu "
                "không áp dụng"
            )
        if status not in ALLOWED_FROM[action]:
            whose = f", phần của {part.body}" if part is not None and len(state.parts) > 1 else ""
            raise InvalidTransition(
                f"nhiệm vụ {self.label}{self._of(state)}{whose} đang ở trạng thái "
                f"'{status.label}', không thể {ACTION_LABELS[action]}"
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
