"""Sending the day's reminders: decide, claim, send, record — each reminder exactly once.

A process claims the reminders of a message by recording them as being sent; a second process
claiming the same ones at the same time gets a conflict from the event store and skips them.
Only then is the e-mail sent, and the outcome recorded: sent, or failed with the reason and a
time to retry after.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from typing import Protocol
from uuid import UUID, uuid5

from planner.application.errors import Conflict, NotFound
from planner.application.planner import Planner
from planner.application.reminder_settings import ReminderSettings
from planner.application.report_mail import rendered, reports_due
from planner.application.workspace import Workspace
from planner.domain.actor import Actor
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted
from planner.domain.identity import NAMESPACE
from planner.domain.reminder import Reminder, ReminderKey
from planner.domain.reminder_outbox import (
    Claim,
    Digest,
    DueItem,
    Escalation,
    Notice,
    Outbox,
    ReportMail,
    Situation,
    plan_outbox,
)
from planner.domain.vietnam_time import local_date
from planner.queries.inputs import input_deadlines
from planner.queries.reminders import next_retry, open_deadlines, recipients, reminder_records
from planner.reports.delivery import RenderedReport

log = logging.getLogger("planner.reminders")

Message = Digest | Escalation | ReportMail
BATCH = 20  # messages claimed, sent and recorded together


@dataclass(frozen=True)
class Delivery:
    recipient: str
    to: tuple[str, ...]
    subject: str
    message_id: str
    error: str | None  # None: the mail server accepted it
    refused: bool = False  # the server refused it for good: it will not be tried again


@dataclass(frozen=True)
class RunReport:
    outbox: Outbox
    deliveries: tuple[Delivery, ...] = ()
    skipped: int = 0  # messages another process was already sending
    withdrawn: int = 0

    @property
    def sent(self) -> tuple[Delivery, ...]:
        return tuple(d for d in self.deliveries if d.error is None)

    @property
    def failed(self) -> tuple[Delivery, ...]:
        return tuple(d for d in self.deliveries if d.error is not None)


class MessageComposer(Protocol):
    """Writes the e-mail of a message (notifications' Jinja2 templates)."""

    def compose(
        self, message: Digest | Escalation, digest_id: str, now: datetime
    ) -> EmailMessage: ...

    def compose_report(
        self,
        mail: ReportMail,
        html: RenderedReport,
        xlsx: RenderedReport,
        digest_id: str,
        now: datetime,
    ) -> EmailMessage: ...


@dataclass(frozen=True)
class NotSent:
    """Why the mail server did not take a message; `permanent` when trying again cannot help
    (a 5xx answer: no such mailbox, a refused sender), so it is not tried again."""

    reason: str
    permanent: bool = False


class MailSender(Protocol):
    """Hands e-mails to the province's mail server (notifications' SMTP client)."""

    def send(self, message: EmailMessage) -> NotSent | None:
        """None once the server accepted the message, else why it did not."""
        ...


class ReminderService:
    """Decides what is due, claims it, has it sent and records the outcome; the e-mails are
    written and sent by the adapters given (None: reminders can be previewed, not sent)."""

    def __init__(
        self,
        planner: Planner,
        settings: ReminderSettings,
        composer: MessageComposer,
        mailer: MailSender | None,
    ) -> None:
        self.planner = planner
        self.settings = settings
        self.composer = composer
        self.mailer = mailer

    @property
    def workspace(self) -> Workspace:
        return self.planner.workspace

    def today(self) -> date:
        return local_date(self.planner.workspace.clock.now())

    def outbox(self, day: date) -> Outbox:
        """What would go out on `day`, as things stand now; nothing is recorded."""
        # Read each time: Sở Nội vụ may record a day off while the scheduler runs.
        calendar = self.planner.calendar.calendar(self.settings.days_off)
        with self.planner.views.engine.connect() as connection:
            situation = Situation(
                items=(
                    *open_deadlines(connection, day.year + 1),
                    *input_deadlines(connection, day, calendar),
                    *self.planner.scoring.deadlines(day, self.planner.settings.monitor_agency),
                ),
                recipients=recipients(connection),
                records=tuple(reminder_records(connection)),
                monitor=self.planner.settings.monitor_agency,
                reports=reports_due(self.planner, day),
            )
        now = self.planner.workspace.clock.now()
        return plan_outbox(situation, day, now, calendar, self.settings.policy)

    def emails(self, outbox: Outbox) -> list[tuple[Message, EmailMessage]]:
        """Each message that can go out with the e-mail it would be, without sending anything."""
        now = self.planner.workspace.clock.now()
        return [(m, self.compose(m, now)) for m in outbox.messages]

    def compose(self, message: Message, now: datetime) -> EmailMessage:
        """The e-mail of a message; a plan's report is generated for it from the views."""
        if isinstance(message, ReportMail):
            html, xlsx = rendered(self.planner, message)
            return self.composer.compose_report(message, html, xlsx, digest_id(message), now)
        return self.composer.compose(message, digest_id(message), now)

    def retry_pending(self) -> bool:
        """True when a failed reminder's back-off has run out, so a run would send it."""
        with self.planner.views.engine.connect() as connection:
            found = next_retry(connection)
        return found is not None and found <= self.planner.workspace.clock.now()

    def run(self, day: date) -> RunReport:
        """Send what is due on `day` and not yet sent (by this or any other process)."""
        if self.mailer is None:
            raise InvalidValue(
                "chưa cấu hình máy chủ thư: hãy đặt PLANNER_SMTP_HOST và PLANNER_MAIL_FROM"
            )
        outbox = self.outbox(day)
        withdrawn = self._withdraw(outbox)
        messages, deliveries = outbox.messages, []
        # Claimed in batches, so every claim is settled well within its lease.
        for start in range(0, len(messages), BATCH):
            deliveries += self._send(messages[start : start + BATCH], self.mailer)
        skipped = len(messages) - len(deliveries)
        return RunReport(outbox, tuple(deliveries), skipped, withdrawn)

    def remind_late_now(self, task_id: UUID, actor: Actor) -> list[Delivery]:
        """Sở Nội vụ reminds, now, every body whose own part of the task is late (one e-mail
        each); a body already reminded of it today is not reminded twice."""
        if not actor.oversees:
            raise NotPermitted(f"chỉ Sở Nội vụ được nhắc các cơ quan chậm ngay ({actor.agency})")
        if self.mailer is None:
            raise InvalidValue(
                "chưa cấu hình máy chủ thư: hãy đặt PLANNER_SMTP_HOST và PLANNER_MAIL_FROM"
            )
        day = self.today()
        with self.planner.views.engine.connect() as connection:
            late = [
                item
                for item in open_deadlines(connection, day.year + 1)
                if item.task_id == task_id and item.due_on < day
            ]
            known = recipients(connection)
        digests = [
            Digest(known[code], day, (_notice(item, code, day),))
            for item in late
            for code in item.responsible
            if code in known and known[code].emails
        ]
        return self._send(tuple(digests), self.mailer)

    def _send(self, messages: tuple[Message, ...], mailer: MailSender) -> list[Delivery]:
        """Claim, send and record each message in turn: a crash between the server accepting
        a message and its record re-sends that one message at most."""
        deliveries = []
        for message in messages:
            if not self._claim(message):
                continue
            email = self.compose(message, self.planner.workspace.clock.now())
            deliveries.append(self._record(message, email, mailer.send(email)))
        return deliveries

    def _claim(self, message: Message) -> bool:
        """Record the message's reminders as being sent, unless another process already has."""
        actor, now = self.planner.system, self.planner.workspace.clock.now()
        lease, changed = self.settings.policy.lease, []
        try:
            for claim in message.claims:
                reminder = self._reminder(claim)
                reminder.claim(digest_id(message), lease, actor, now)
                changed.append(reminder)
                for stale in claim.supersedes:
                    older = self.workspace.load(Reminder, stale.id, "nhắc hạn")
                    older.fold(claim.key.offset, actor, now)
                    changed.append(older)
            self.workspace.save(*changed, what="nhắc hạn")
        except (Conflict, InvalidTransition, NotFound) as error:
            log.info("%s: đã có tiến trình khác gửi (%s)", message.recipient.code, error)
            return False
        return True

    def _reminder(self, claim: Claim) -> Reminder:
        if self.workspace.exists(claim.key.id):
            return self.workspace.load(Reminder, claim.key.id, "nhắc hạn")
        return Reminder.due(
            claim.key,
            claim.send_on,
            claim.folds,
            self.planner.system,
            self.planner.workspace.clock.now(),
        )

    def _record(self, message: Message, email: EmailMessage, outcome: NotSent | None) -> Delivery:
        actor, now = self.planner.system, self.planner.workspace.clock.now()
        reminders = [self.workspace.load(Reminder, c.key.id, "nhắc hạn") for c in message.claims]
        try:
            for reminder in reminders:
                if outcome is None:
                    reminder.sent(digest_id(message), str(email["Message-ID"]), actor, now)
                elif outcome.permanent:
                    reminder.refused(outcome.reason, actor, now)
                else:
                    reminder.failed(outcome.reason, self.settings.policy.backoff, actor, now)
            self.workspace.save(*reminders, what="nhắc hạn")
        except (Conflict, InvalidTransition) as lost:
            # Our claim outlived its lease and another process took the reminders over.
            log.warning("%s: kết quả gửi không ghi được (%s)", message.recipient.code, lost)
        _log_outcome(email, outcome)
        return Delivery(
            message.recipient.code,
            message.recipient.emails,
            str(email["Subject"]),
            str(email["Message-ID"]),
            None if outcome is None else outcome.reason,
            outcome is not None and outcome.permanent,
        )

    def _withdraw(self, outbox: Outbox) -> int:
        actor, now = self.planner.system, self.planner.workspace.clock.now()
        changed = []
        for withdrawal in outbox.withdrawals:
            reminder = self.workspace.load(Reminder, withdrawal.key.id, "nhắc hạn")
            reminder.withdraw(withdrawal.reason, actor, now)
            changed.append(reminder)
        if not changed:
            return 0
        try:
            self.workspace.save(*changed, what="nhắc hạn")
        except Conflict:
            return 0
        return len(changed)


def _log_outcome(email: EmailMessage, outcome: NotSent | None) -> None:
    if outcome is None:
        log.info("đã gửi %s tới %s: %s", email["Message-ID"], email["To"], email["Subject"])
    elif outcome.permanent:
        log.error("máy chủ thư từ chối thư tới %s, không gửi lại: %s", email["To"], outcome.reason)
    else:
        log.warning("chưa gửi được tới %s, sẽ thử lại: %s", email["To"], outcome.reason)


def _notice(item: DueItem, recipient: str, day: date) -> Notice:
    """A reminder of late work sent on request, keyed by how late it is that day."""
    days = item.days_from_due(day)
    key = ReminderKey(recipient, item.item, item.occurrence, item.due_on, days)
    return Notice(item, Claim(key, day), days)


def digest_id(message: Message) -> str:
    """The same reminders make the same digest, whichever process sends it and how often."""
    keys = ",".join(sorted(str(claim.key.id) for claim in message.claims))
    return str(uuid5(NAMESPACE, f"digest:{keys}"))
