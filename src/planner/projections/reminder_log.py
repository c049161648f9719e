"""Every reminder recorded: to whom, about which deadline, and whether it went out."""

from __future__ import annotations

from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from planner.domain.reminder import Reminder, ReminderState
from planner.projections.projection import Projection
from planner.projections.schema import reminders


class ReminderLog(Projection):
    tables = (reminders,)
    events = (Reminder.Event,)

    def __init__(self) -> None:
        super().__init__()
        self.reminders = self.buffer(reminders, "reminder_id")

    @singledispatchmethod
    def apply(self, domain_event: object) -> None:
        """Events this view does not handle leave it unchanged."""

    @apply.register
    def _(self, event: Reminder.Due) -> None:
        self.reminders.put(
            {
                "reminder_id": event.originator_id,
                "recipient": event.recipient,
                "item": event.item,
                "occurrence": event.occurrence,
                "due_on": event.due_on,
                "offset_days": event.offset,
                "send_on": event.send_on,
                "folds": list(event.folds),
                "state": ReminderState.DUE.value,
                "attempts": 0,
                "digest": "",
                "message_id": "",
                "reason": "",
                "claimed_at": None,
                "retry_at": None,
                "updated_at": event.timestamp,
                "version": event.originator_version,
            }
        )

    @apply.register
    def _(self, event: Reminder.Sending) -> None:
        self._change(
            event,
            state=ReminderState.SENDING.value,
            digest=event.digest,
            attempts=event.attempt,
            claimed_at=event.timestamp,
        )

    @apply.register
    def _(self, event: Reminder.Sent) -> None:
        self._change(
            event, state=ReminderState.SENT.value, message_id=event.message_id, retry_at=None
        )

    @apply.register
    def _(self, event: Reminder.Failed) -> None:
        self._change(
            event, state=ReminderState.FAILED.value, reason=event.reason, retry_at=event.retry_at
        )

    @apply.register
    def _(self, event: Reminder.Refused) -> None:
        self._change(event, state=ReminderState.REFUSED.value, reason=event.reason, retry_at=None)

    @apply.register
    def _(self, event: Reminder.Folded) -> None:
        self._change(
            event, state=ReminderState.FOLDED.value, reason=f"gộp vào lần nhắc {event.into:+d} ngày"
        )

    @apply.register
    def _(self, event: Reminder.Withdrawn) -> None:
        self._change(event, state=ReminderState.WITHDRAWN.value, reason=event.reason)

    def _change(self, event: Reminder.Event, **values: Any) -> None:
        row = self.reminders.get(event.originator_id)
        assert row is not None, f"reminder {event.originator_id} has no Due event"
        self.reminders.put(
            {
                **row,
                **values,
                "updated_at": event.timestamp,
                "version": event.originator_version,
            }
        )
