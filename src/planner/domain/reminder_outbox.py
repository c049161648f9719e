"""What is due to be sent on a day: one digest per agency, and Sở Nội vụ's weekly escalation.

Given the open deadlines, the agencies and their e-mails, the reminders already recorded, the
day and the working-day calendar, decide what goes out. Nothing goes out on a day off. Of the
reminders of one deadline that fell due while nothing was sent (downtime, an SMTP outage), only
the newest goes out and the older ones are folded into it, so each is sent exactly once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from planner.domain.reminder import ReminderKey, ReminderRecord
from planner.domain.reminder_policy import ReminderPolicy, Slot
from planner.domain.report_outbox import ReportDue, is_report, reports_to_send
from planner.domain.working_days import WorkingCalendar

ESCALATION = "escalation"


class ItemKind(StrEnum):
    TASK = "task"  # an occurrence of a plan's task: reminded while late too
    OBLIGATION = "obligation"  # a plan-level duty: no status is kept, so only reminded before
    SCORING = "scoring"  # a step of a PAR scoring round: reminded only before it closes
    INPUT = "input"  # a coordinating body's input to the lead: reminded before its own deadline


@dataclass(frozen=True)
class DueItem:
    """An open deadline: a task occurrence not completed nor cancelled, or a plan obligation."""

    item: str
    kind: ItemKind
    occurrence: str
    due_on: date
    responsible: tuple[str, ...]  # codes of the bodies carrying the work today
    plan_id: UUID
    plan_number: str
    plan_title: str
    reference: str
    text: str
    status: str = ""
    percent: int = 0
    task_id: UUID | None = None

    def days_from_due(self, day: date) -> int:
        """Positive: days late; zero: due today; negative: days left."""
        return (day - self.due_on).days


@dataclass(frozen=True)
class Recipient:
    code: str
    name: str
    emails: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    """A reminder to record and send now, with the older unsent ones of its deadline it folds."""

    key: ReminderKey
    send_on: date  # the day it goes out, which may be after its slot's day after downtime
    folds: tuple[int, ...] = ()
    supersedes: tuple[ReminderKey, ...] = ()


@dataclass(frozen=True)
class Notice:
    """One deadline in an agency's digest."""

    item: DueItem
    claim: Claim
    days: int  # from the due date, as in DueItem.days_from_due

    @property
    def late(self) -> bool:
        return self.days > 0


@dataclass(frozen=True)
class PlanSection:
    plan_number: str
    plan_title: str
    notices: tuple[Notice, ...]


@dataclass(frozen=True)
class Digest:
    """The day's one e-mail to an agency: everything due soon or late, grouped by plan."""

    recipient: Recipient
    day: date
    notices: tuple[Notice, ...]

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(notice.claim for notice in self.notices)

    @property
    def late(self) -> tuple[Notice, ...]:
        return tuple(n for n in self.notices if n.late)

    @property
    def coming(self) -> tuple[Notice, ...]:
        return tuple(n for n in self.notices if not n.late)

    def by_plan(self, notices: Iterable[Notice]) -> tuple[PlanSection, ...]:
        sections: dict[str, list[Notice]] = defaultdict(list)
        titles: dict[str, str] = {}
        for notice in notices:
            sections[notice.item.plan_number].append(notice)
            titles[notice.item.plan_number] = notice.item.plan_title
        return tuple(
            PlanSection(number, titles[number], tuple(found))
            for number, found in sorted(sections.items())
        )


@dataclass(frozen=True)
class LateTask:
    item: DueItem
    days_late: int


@dataclass(frozen=True)
class AgencyLate:
    recipient: Recipient
    tasks: tuple[LateTask, ...]


@dataclass(frozen=True)
class Unreachable:
    """An agency carrying open work that has no e-mail address to be reminded at."""

    recipient: Recipient
    open_items: int


@dataclass(frozen=True)
class Escalation:
    """The weekly digest to Sở Nội vụ: late tasks by agency, and agencies without e-mail."""

    recipient: Recipient
    day: date
    week: str
    claim: Claim
    agencies: tuple[AgencyLate, ...]
    unreachable: tuple[Unreachable, ...]

    @property
    def claims(self) -> tuple[Claim, ...]:
        return (self.claim,)

    @property
    def late_count(self) -> int:
        return len({(t.item.item, t.item.occurrence) for a in self.agencies for t in a.tasks})


@dataclass(frozen=True)
class ReportMail:
    """A plan's report for a period, e-mailed to Sở Nội vụ at its reporting deadline."""

    recipient: Recipient
    day: date
    report: ReportDue
    claim: Claim

    @property
    def claims(self) -> tuple[Claim, ...]:
        return (self.claim,)


@dataclass(frozen=True)
class Withdrawal:
    key: ReminderKey
    reason: str


@dataclass(frozen=True)
class Outbox:
    day: date
    day_off: str | None  # why nothing is sent today (Chủ nhật, Tết Nguyên Đán...)
    digests: tuple[Digest, ...] = ()  # to agencies with an e-mail address
    unreachable: tuple[Digest, ...] = ()  # due, but the agency has no e-mail address
    escalation: Escalation | None = None
    reports: tuple[ReportMail, ...] = ()  # plan reports due to Sở Nội vụ today
    withdrawals: tuple[Withdrawal, ...] = ()
    waiting: tuple[ReminderKey, ...] = ()  # failed, to be retried after their back-off

    @property
    def messages(self) -> tuple[Digest | Escalation | ReportMail, ...]:
        """Everything that can be sent now."""
        escalation = self.escalation
        escalations = (escalation,) if escalation and escalation.recipient.emails else ()
        reports = tuple(r for r in self.reports if r.recipient.emails)
        return (*self.digests, *escalations, *reports)


@dataclass(frozen=True)
class Situation:
    """What the outbox is decided from: every open deadline, agency and recorded reminder."""

    items: tuple[DueItem, ...]
    recipients: Mapping[str, Recipient]
    records: tuple[ReminderRecord, ...]
    monitor: str  # the agency that receives the escalation and the reports (Sở Nội vụ)
    reports: tuple[ReportDue, ...] = ()  # every plan's reporting deadlines of the year

    def recipient(self, code: str) -> Recipient:
        return self.recipients.get(code) or Recipient(code, code, ())


def plan_outbox(
    situation: Situation,
    day: date,
    now: datetime,
    calendar: WorkingCalendar,
    policy: ReminderPolicy,
) -> Outbox:
    """What goes out on `day` (at `now`): nothing at all on a weekend or a holiday."""
    day_off = calendar.day_off(day)
    if day_off is not None:
        return Outbox(day, day_off)
    threads = _Threads(situation.records, day, now, policy)
    notices = _notices_by_agency(situation, day, calendar, policy, threads)
    digests = [
        Digest(situation.recipient(code), day, _ordered(found)) for code, found in notices.items()
    ]
    digests.sort(key=lambda d: d.recipient.code)
    return Outbox(
        day,
        None,
        digests=tuple(d for d in digests if d.recipient.emails),
        unreachable=tuple(d for d in digests if not d.recipient.emails),
        escalation=_escalation(situation, day, calendar, policy, threads),
        reports=_report_mails(situation, day, calendar, threads),
        withdrawals=threads.withdrawals(situation.items),
        waiting=threads.waiting,
    )


def _notices_by_agency(
    situation: Situation,
    day: date,
    calendar: WorkingCalendar,
    policy: ReminderPolicy,
    threads: _Threads,
) -> dict[str, list[Notice]]:
    notices: dict[str, list[Notice]] = defaultdict(list)
    # Deadlines cluster (quarter ends, a plan's dates), and a task late for years has many slots.
    slots_of: dict[tuple[date, bool], list[Slot]] = {}
    for item in situation.items:
        late_reminders = item.kind is ItemKind.TASK
        if not late_reminders and item.due_on < day:
            continue
        asked = (item.due_on, late_reminders)
        if asked not in slots_of:
            slots_of[asked] = policy.slots(item.due_on, day, calendar, while_late=late_reminders)
        slots = slots_of[asked]
        for code in item.responsible if slots else ():
            claim = threads.claim((code, item.item, item.occurrence, item.due_on), slots)
            if claim is not None:
                notices[code].append(Notice(item, claim, item.days_from_due(day)))
    return notices


def _ordered(notices: list[Notice]) -> tuple[Notice, ...]:
    """Most late first, then by due date and reference."""
    return tuple(
        sorted(notices, key=lambda n: (-n.days, n.item.due_on, n.item.reference, n.item.text))
    )


def _escalation(
    situation: Situation,
    day: date,
    calendar: WorkingCalendar,
    policy: ReminderPolicy,
    threads: _Threads,
) -> Escalation | None:
    send_on = policy.escalation_day(day, calendar)
    if send_on is None or send_on > day:
        return None
    year, week, _ = day.isocalendar()
    label = f"{year}-W{week:02d}"
    claim = threads.claim((situation.monitor, ESCALATION, label, send_on), [Slot(0, send_on)])
    if claim is None:
        return None
    return Escalation(
        situation.recipient(situation.monitor),
        day,
        label,
        claim,
        _late_by_agency(situation, day),
        _unreachable(situation, day),
    )


def _report_mails(
    situation: Situation, day: date, calendar: WorkingCalendar, threads: _Threads
) -> tuple[ReportMail, ...]:
    found = []
    for report, send_on in reports_to_send(situation.reports, day, calendar):
        deadline = (situation.monitor, report.item, report.period, report.due_on)
        claim = threads.claim(deadline, [Slot(0, send_on)])
        if claim is not None:
            found.append(ReportMail(situation.recipient(situation.monitor), day, report, claim))
    return tuple(found)


def _late_by_agency(situation: Situation, day: date) -> tuple[AgencyLate, ...]:
    late: dict[str, list[LateTask]] = defaultdict(list)
    for item in situation.items:
        if item.kind is ItemKind.TASK and item.due_on < day:
            for code in item.responsible:
                late[code].append(LateTask(item, item.days_from_due(day)))
    return tuple(
        AgencyLate(
            situation.recipient(code),
            tuple(sorted(tasks, key=lambda t: (-t.days_late, t.item.reference, t.item.text))),
        )
        for code, tasks in sorted(late.items())
    )


def _unreachable(situation: Situation, day: date) -> tuple[Unreachable, ...]:
    """Agencies without e-mail, with how many tasks and obligations still ahead they carry."""
    items: dict[str, set[str]] = defaultdict(set)
    for item in situation.items:
        if item.kind is ItemKind.TASK or item.due_on >= day:
            for code in item.responsible:
                items[code].add(item.item)
    return tuple(
        Unreachable(situation.recipient(code), len(found))
        for code, found in sorted(items.items())
        if not situation.recipient(code).emails
    )


class _Threads:
    """The recorded reminders of each deadline, and what is sent next for it."""

    def __init__(
        self, records: Iterable[ReminderRecord], day: date, now: datetime, policy: ReminderPolicy
    ) -> None:
        self.day, self.now, self.lease = day, now, policy.lease
        self.records: dict[tuple[str, str, str, date], list[ReminderRecord]] = defaultdict(list)
        for record in records:
            self.records[record.key.deadline].append(record)
        self.live: set[tuple[str, str, str, date]] = set()
        self.waiting: tuple[ReminderKey, ...] = ()

    def claim(self, deadline: tuple[str, str, str, date], slots: list[Slot]) -> Claim | None:
        """The newest reminder due for the deadline, unless it was sent or must wait."""
        self.live.add(deadline)
        records = self.records.get(deadline, [])
        latest = slots[-1]
        key = ReminderKey(*deadline, latest.offset)
        sent = [r.key.offset for r in records if r.delivered(self.now, self.lease)]
        floor = max(sent, default=None)
        if floor is not None and floor >= latest.offset:
            return None
        current = next((r for r in records if r.key == key), None)
        if current is not None and not current.claimable(self.now, self.lease):
            if not current.state.is_final:
                self.waiting = (*self.waiting, key)
            return None
        stale = tuple(
            r.key
            for r in records
            if r.key.offset < latest.offset
            and not r.state.is_final
            and not r.in_flight(self.now, self.lease)
        )
        return Claim(
            key,
            self.day,
            folds=tuple(s.offset for s in slots[:-1] if floor is None or s.offset > floor),
            supersedes=stale,
        )

    def withdrawals(self, items: Iterable[DueItem]) -> tuple[Withdrawal, ...]:
        """Unsent reminders of deadlines that no longer stand: moved, done or reassigned."""
        open_items = {(i.item, i.occurrence): i for i in items}
        found = []
        for deadline, records in sorted(self.records.items(), key=lambda kv: str(kv[0])):
            if deadline in self.live:
                continue
            for record in records:
                if record.state.is_final or record.in_flight(self.now, self.lease):
                    continue
                reason = _why_withdrawn(record.key, open_items.get(deadline[1:3]))
                found.append(Withdrawal(record.key, reason))
        return tuple(found)


def _why_withdrawn(key: ReminderKey, item: DueItem | None) -> str:
    if key.item == ESCALATION:
        return "thay bằng báo cáo quá hạn của tuần sau"
    if is_report(key.item):
        return "thay bằng báo cáo của kỳ sau"
    if item is None:
        return "việc đã hoàn thành, đã hủy hoặc không còn hạn"
    if item.due_on != key.due_on:
        return f"hạn đã đổi sang {item.due_on.strftime('%d/%m/%Y')}"
    return "việc đã giao cho cơ quan khác"
