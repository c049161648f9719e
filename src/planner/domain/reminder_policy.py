"""When the reminders of one deadline go out: days before it, on the day, then weekly while late.

A reminder meant for a weekend or a holiday moves to a working day: earlier when the deadline
has not passed (agencies must hear before it passes), later when it already has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from planner.domain.errors import InvalidValue
from planner.domain.reminder import Backoff
from planner.domain.working_days import WorkingCalendar


@dataclass(frozen=True)
class Slot:
    """One reminder of a deadline: `offset` days from the due date, sent on `send_on`."""

    offset: int
    send_on: date


@dataclass(frozen=True)
class ReminderPolicy:
    days_before: tuple[int, ...] = (7, 3, 1, 0)
    overdue_every: int = 7  # days between reminders while a task is late; 0: none
    escalation_weekday: int = 0  # Monday: the weekly digest of late tasks to Sở Nội vụ
    lease: timedelta = timedelta(minutes=10)  # a claim not reported back by then is retried
    backoff: Backoff = field(default_factory=Backoff)

    def __post_init__(self) -> None:
        if not self.days_before or any(days < 0 for days in self.days_before):
            raise InvalidValue(
                f"lịch nhắc: số ngày trước hạn phải là số không âm, không phải {self.days_before}"
            )
        if self.overdue_every < 0:
            raise InvalidValue(f"lịch nhắc: chu kỳ nhắc quá hạn {self.overdue_every} không hợp lệ")
        if not 0 <= self.escalation_weekday <= 6:
            raise InvalidValue(f"lịch nhắc: thứ {self.escalation_weekday} không hợp lệ (0–6)")

    def slots(
        self, due_on: date, through: date, calendar: WorkingCalendar, *, while_late: bool
    ) -> list[Slot]:
        """Every reminder of the deadline sent on or before `through`, earliest first."""
        found = [
            Slot(-days, calendar.on_or_before(due_on - timedelta(days=days)))
            for days in sorted(set(self.days_before), reverse=True)
        ]
        if while_late and self.overdue_every:
            late = self.overdue_every
            while (send_on := calendar.on_or_after(due_on + timedelta(days=late))) <= through:
                found.append(Slot(late, send_on))
                late += self.overdue_every
        return [slot for slot in found if slot.send_on <= through]

    def escalation_day(self, day: date, calendar: WorkingCalendar) -> date | None:
        """The working day of `day`'s week the digest of late tasks goes out, if it has one."""
        monday = day - timedelta(days=day.weekday())
        send_on = calendar.on_or_after(monday + timedelta(days=self.escalation_weekday))
        return send_on if send_on - monday < timedelta(days=7) else None
