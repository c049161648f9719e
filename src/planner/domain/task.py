"""Nhiệm vụ, giải pháp: a row of a plan's appendix, and the work an agency reports on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.criterion import CriterionRef
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted, UnknownOccurrence
from planner.domain.evidence import Evidence
from planner.domain.identity import task_id
from planner.domain.schedule import Schedule
from planner.domain.task_status import ACTION_LABELS, ALLOWED_FROM, Status
from planner.domain.text import clean


@dataclass
class OccurrenceState:
    """The state of one occurrence; a task that does not recur has exactly one, keyed ""."""

    key: str
    due_on: date | None
    status: Status = Status.NOT_STARTED
    percent: int = 0
    status_before_block: Status | None = None
    completed_at: datetime | None = None


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

    class Started(Event):
        occurrence: str

    class ProgressReported(Event):
        occurrence: str
        percent: int | None
        note: str
        evidence: tuple[Evidence, ...]

    class Completed(Event):
        occurrence: str
        note: str
        evidence: tuple[Evidence, ...]

    class Blocked(Event):
        occurrence: str
        reason: str

    class Unblocked(Event):
        occurrence: str
        note: str
        status: Status  # the status the work returns to

    class Cancelled(Event):
        occurrences: tuple[str, ...]
        reason: str

    class Reopened(Event):
        occurrence: str
        reason: str

    class DeadlineChanged(Event):
        occurrence: str
        due_on: date
        reason: str

    class Reassigned(Event):
        lead: tuple[str, ...]
        coordinating: tuple[str, ...]
        reason: str

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
    ) -> Task:
        """Register a task of a plan; only Sở Nội vụ (or the importer) registers plan tasks."""
        if not actor.oversees:
            raise NotPermitted(f"{actor.agency} không được thêm nhiệm vụ vào kế hoạch")
        if not clean(text):
            raise InvalidValue("nhiệm vụ: cần có nội dung nhiệm vụ")
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
        self.occurrences = {o.key: OccurrenceState(o.key, o.due_on) for o in schedule.occurrences()}

    @property
    def label(self) -> str:
        """How messages name this task: its reference, or the start of its text."""
        return self.reference or (self.text[:60] + ("…" if len(self.text) > 60 else ""))

    # Commands: each checks who may act and whether the lifecycle allows it, then records.

    def start(self, occurrence: str | None, actor: Actor, at: datetime) -> None:
        state = self._occurrence_for("start", occurrence, actor)
        self._started(occurrence=state.key, actor=actor, timestamp=at)

    def report_progress(
        self,
        occurrence: str | None,
        percent: int | None,
        note: str,
        evidence: tuple[Evidence, ...],
        actor: Actor,
        at: datetime,
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
        )

    def complete(
        self,
        occurrence: str | None,
        note: str,
        evidence: tuple[Evidence, ...],
        actor: Actor,
        at: datetime,
    ) -> None:
        state = self._occurrence_for("complete", occurrence, actor)
        self._completed(
            occurrence=state.key, note=clean(note), evidence=evidence, actor=actor, timestamp=at
        )

    def block(self, occurrence: str | None, reason: str, actor: Actor, at: datetime) -> None:
        state = self._occurrence_for("block", occurrence, actor)
        self._blocked(
            occurrence=state.key, reason=self._reason(reason, "block"), actor=actor, timestamp=at
        )

    def unblock(self, occurrence: str | None, note: str, actor: Actor, at: datetime) -> None:
        state = self._occurrence_for("unblock", occurrence, actor)
        self._unblocked(
            occurrence=state.key,
            note=clean(note),
            status=state.status_before_block or Status.IN_PROGRESS,
            actor=actor,
            timestamp=at,
        )

    def reopen(self, occurrence: str | None, reason: str, actor: Actor, at: datetime) -> None:
        state = self._occurrence_for("reopen", occurrence, actor)
        self._reopened(
            occurrence=state.key, reason=self._reason(reason, "reopen"), actor=actor, timestamp=at
        )

    def cancel(self, occurrence: str | None, reason: str, actor: Actor, at: datetime) -> None:
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
            occurrences=keys, reason=self._reason(reason, "cancel"), actor=actor, timestamp=at
        )

    def change_deadline(
        self, occurrence: str | None, due_on: date, reason: str, actor: Actor, at: datetime
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
        )

    def reassign(
        self,
        lead: tuple[str, ...],
        coordinating: tuple[str, ...],
        reason: str,
        actor: Actor,
        at: datetime,
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
        )

    # Events: how each recorded change alters the task.

    @event(Started)
    def _started(self, *, occurrence: str, actor: Actor, timestamp: datetime) -> None:
        self.occurrences[occurrence].status = Status.IN_PROGRESS

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
    ) -> None:
        state = self.occurrences[occurrence]
        if percent is not None:
            state.percent = percent
            if state.status is Status.NOT_STARTED:
                state.status = Status.IN_PROGRESS

    @event(Completed)
    def _completed(
        self,
        *,
        occurrence: str,
        note: str,
        evidence: tuple[Evidence, ...],
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        state = self.occurrences[occurrence]
        state.status, state.percent, state.completed_at = Status.COMPLETED, 100, timestamp

    @event(Blocked)
    def _blocked(self, *, occurrence: str, reason: str, actor: Actor, timestamp: datetime) -> None:
        state = self.occurrences[occurrence]
        state.status_before_block, state.status = state.status, Status.BLOCKED

    @event(Unblocked)
    def _unblocked(
        self, *, occurrence: str, note: str, status: Status, actor: Actor, timestamp: datetime
    ) -> None:
        state = self.occurrences[occurrence]
        state.status, state.status_before_block = Status(status), None

    @event(Cancelled)
    def _cancelled(
        self, *, occurrences: tuple[str, ...], reason: str, actor: Actor, timestamp: datetime
    ) -> None:
        for key in occurrences:
            self.occurrences[key].status = Status.CANCELLED

    @event(Reopened)
    def _reopened(self, *, occurrence: str, reason: str, actor: Actor, timestamp: datetime) -> None:
        state = self.occurrences[occurrence]
        state.status, state.completed_at = Status.IN_PROGRESS, None

    @event(DeadlineChanged)
    def _deadline_changed(
        self, *, occurrence: str, due_on: date, reason: str, actor: Actor, timestamp: datetime
    ) -> None:
        self.occurrences[occurrence].due_on = due_on

    @event(Reassigned)
    def _reassigned(
        self,
        *,
        lead: tuple[str, ...],
        coordinating: tuple[str, ...],
        reason: str,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.lead, self.coordinating = tuple(lead), tuple(coordinating)

    # Rules shared by the commands.

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
