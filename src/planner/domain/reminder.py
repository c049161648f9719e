"""Nhắc hạn: one reminder to one agency about one deadline, recorded so it goes out once.

A reminder is keyed by recipient, item, occurrence and offset (days from the due date). It is
due, then claimed by the one process sending it, then sent or failed with the reason; a failed
one is retried after a back-off, and one overtaken by a newer reminder is folded into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.errors import InvalidTransition, NotPermitted
from planner.domain.identity import NAMESPACE


class ReminderState(StrEnum):
    DUE = "due"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    FOLDED = "folded"
    WITHDRAWN = "withdrawn"
    REFUSED = "refused"  # the mail server refused it for good (5xx): not tried again

    @property
    def is_final(self) -> bool:
        return self in (
            ReminderState.SENT,
            ReminderState.FOLDED,
            ReminderState.WITHDRAWN,
            ReminderState.REFUSED,
        )


@dataclass(frozen=True)
class ReminderKey:
    """Who is reminded of what: `offset` is -7, -3, -1, 0 before a deadline, then 7, 14..."""

    recipient: str  # agency code
    item: str  # "task:<id>", "obligation:<plan id>:<key>" or "escalation"
    occurrence: str  # "" for a one-off task, "2023-Q3", or the ISO week of an escalation
    due_on: date  # a moved deadline is a new deadline, reminded afresh
    offset: int

    @property
    def id(self) -> UUID:
        return uuid5(NAMESPACE, "reminder:" + ":".join(str(part) for part in self.parts))

    @property
    def parts(self) -> tuple[str, str, str, date, int]:
        return (self.recipient, self.item, self.occurrence, self.due_on, self.offset)

    @property
    def deadline(self) -> tuple[str, str, str, date]:
        """The reminders of one deadline to one recipient share this, whatever their offset."""
        return (self.recipient, self.item, self.occurrence, self.due_on)


@dataclass(frozen=True)
class Backoff:
    """How long to wait before sending a failed reminder again: doubling, up to a ceiling."""

    first: timedelta = timedelta(minutes=1)
    longest: timedelta = timedelta(hours=1)

    def delay(self, attempt: int) -> timedelta:
        doubled: timedelta = self.first * 2 ** max(attempt - 1, 0)
        return min(doubled, self.longest)


@dataclass(frozen=True)
class ReminderRecord:
    """What is known of a recorded reminder, enough to decide what to send next."""

    key: ReminderKey
    state: ReminderState
    claimed_at: datetime | None = None
    retry_at: datetime | None = None

    def in_flight(self, now: datetime, lease: timedelta) -> bool:
        """Claimed by a process still within its lease to report back."""
        return (
            self.state is ReminderState.SENDING
            and self.claimed_at is not None
            and now < self.claimed_at + lease
        )

    def delivered(self, now: datetime, lease: timedelta) -> bool:
        """Sent, or being sent right now: either way nobody else may send it."""
        return self.state is ReminderState.SENT or self.in_flight(now, lease)

    def claimable(self, now: datetime, lease: timedelta) -> bool:
        """Due; failed and past its back-off; or claimed by a process that never reported back."""
        if self.state is ReminderState.FAILED:
            return self.retry_at is None or self.retry_at <= now
        if self.state is ReminderState.SENDING:
            return not self.in_flight(now, lease)
        return self.state is ReminderState.DUE


class Reminder(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Due(Event, Aggregate.Created):
        recipient: str
        item: str
        occurrence: str
        offset: int
        due_on: date
        send_on: date
        folds: tuple[int, ...]  # earlier offsets never sent, covered by this reminder

    class Sending(Event):
        digest: str
        attempt: int

    class Sent(Event):
        digest: str
        message_id: str

    class Failed(Event):
        reason: str
        attempt: int
        retry_at: datetime

    class Refused(Event):
        reason: str  # the server's answer, e.g. "550 5.1.1 mailbox unavailable"
        attempt: int

    class Folded(Event):
        into: int  # the offset of the newer reminder that now carries this one

    class Withdrawn(Event):
        reason: str  # the deadline moved, the work was done or given to another agency

    @staticmethod
    def create_id(
        recipient: str, item: str, occurrence: str, due_on: date, offset: int, **_: object
    ) -> UUID:
        return ReminderKey(recipient, item, occurrence, due_on, offset).id

    @classmethod
    def due(
        cls,
        key: ReminderKey,
        send_on: date,
        folds: tuple[int, ...],
        actor: Actor,
        at: datetime,
    ) -> Reminder:
        _require_system(actor)
        return cls(
            recipient=key.recipient,
            item=key.item,
            occurrence=key.occurrence,
            offset=key.offset,
            due_on=key.due_on,
            send_on=send_on,
            folds=tuple(sorted(folds)),
            actor=actor,
            timestamp=at,
        )

    @event(Due)
    def __init__(
        self,
        *,
        recipient: str,
        item: str,
        occurrence: str,
        offset: int,
        due_on: date,
        send_on: date,
        folds: tuple[int, ...],
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.key = ReminderKey(recipient, item, occurrence, due_on, offset)
        self.send_on = send_on
        self.folds = tuple(folds)
        self.state = ReminderState.DUE
        self.attempts = 0
        self.claimed_at: datetime | None = None
        self.retry_at: datetime | None = None

    @property
    def record(self) -> ReminderRecord:
        return ReminderRecord(self.key, self.state, self.claimed_at, self.retry_at)

    def claim(self, digest: str, lease: timedelta, actor: Actor, at: datetime) -> None:
        """Take the reminder to send it now; a second process gets a conflict instead."""
        _require_system(actor)
        if not self.record.claimable(at, lease):
            raise InvalidTransition(f"{self._label}: đang ở trạng thái {self.state}, chưa thể gửi")
        self._sending(digest=digest, attempt=self.attempts + 1, actor=actor, timestamp=at)

    def sent(self, digest: str, message_id: str, actor: Actor, at: datetime) -> None:
        self._require_sending()
        self._sent(digest=digest, message_id=message_id, actor=actor, timestamp=at)

    def failed(self, reason: str, backoff: Backoff, actor: Actor, at: datetime) -> None:
        self._require_sending()
        self._failed(
            reason=reason,
            attempt=self.attempts,
            retry_at=at + backoff.delay(self.attempts),
            actor=actor,
            timestamp=at,
        )

    def refused(self, reason: str, actor: Actor, at: datetime) -> None:
        """The mail server refused the message for good: the address must be corrected first."""
        self._require_sending()
        self._refused(reason=reason, attempt=self.attempts, actor=actor, timestamp=at)

    def fold(self, into: int, actor: Actor, at: datetime) -> None:
        """A newer reminder of the same deadline went out instead of this unsent one."""
        self._require_unsent(actor)
        self._folded(into=into, actor=actor, timestamp=at)

    def withdraw(self, reason: str, actor: Actor, at: datetime) -> None:
        """An unsent reminder of a deadline that no longer stands."""
        self._require_unsent(actor)
        self._withdrawn(reason=reason, actor=actor, timestamp=at)

    @event(Sending)
    def _sending(self, *, digest: str, attempt: int, actor: Actor, timestamp: datetime) -> None:
        self.state, self.attempts, self.claimed_at = ReminderState.SENDING, attempt, timestamp

    @event(Sent)
    def _sent(self, *, digest: str, message_id: str, actor: Actor, timestamp: datetime) -> None:
        self.state, self.retry_at = ReminderState.SENT, None

    @event(Failed)
    def _failed(
        self, *, reason: str, attempt: int, retry_at: datetime, actor: Actor, timestamp: datetime
    ) -> None:
        self.state, self.retry_at = ReminderState.FAILED, retry_at

    @event(Refused)
    def _refused(self, *, reason: str, attempt: int, actor: Actor, timestamp: datetime) -> None:
        self.state, self.retry_at = ReminderState.REFUSED, None

    @event(Folded)
    def _folded(self, *, into: int, actor: Actor, timestamp: datetime) -> None:
        self.state = ReminderState.FOLDED

    @event(Withdrawn)
    def _withdrawn(self, *, reason: str, actor: Actor, timestamp: datetime) -> None:
        self.state = ReminderState.WITHDRAWN

    @property
    def _label(self) -> str:
        occurrence = f" kỳ {self.key.occurrence}" if self.key.occurrence else ""
        return f"nhắc hạn {self.key.item}{occurrence} gửi {self.key.recipient}"

    def _require_unsent(self, actor: Actor) -> None:
        _require_system(actor)
        if self.state.is_final:
            raise InvalidTransition(f"{self._label}: đã {self.state}, không thay đổi được")

    def _require_sending(self) -> None:
        if self.state is not ReminderState.SENDING:
            raise InvalidTransition(f"{self._label}: chưa được nhận để gửi ({self.state})")


def _require_system(actor: Actor) -> None:
    if not actor.oversees:
        raise NotPermitted(f"chỉ hệ thống nhắc hạn được ghi nhận nhắc hạn ({actor.agency})")
