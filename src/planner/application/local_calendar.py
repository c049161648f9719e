"""Commands on the province's own days off and working days, and the calendar they make."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from planner.application.vietnam_calendar import vietnam_calendar
from planner.application.workspace import Workspace
from planner.domain.actor import Actor
from planner.domain.identity import local_calendar_id
from planner.domain.local_calendar import LocalCalendar
from planner.domain.working_days import ProvinceDays, WorkingCalendar

_WHAT = "lịch làm việc của tỉnh"


class LocalCalendarService:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def days(self) -> ProvinceDays:
        """The days recorded so far (none before the first is added)."""
        if not self.workspace.exists(local_calendar_id()):
            return ProvinceDays()
        return self.workspace.load(LocalCalendar, local_calendar_id(), _WHAT).days

    def calendar(self, days_off: Mapping[date, str] | None = None) -> WorkingCalendar:
        """Vietnam's working days with the province's recorded days (and `days_off` besides)."""
        return vietnam_calendar(self.days().with_days_off(days_off or {}))

    def add_day_off(self, day: date, reason: str, actor: Actor) -> None:
        calendar = self._calendar(actor)
        calendar.add_day_off(day, reason, actor, self.workspace.clock.now())
        self.workspace.save(calendar, what=_WHAT)

    def add_working_day(self, day: date, reason: str, actor: Actor) -> None:
        calendar = self._calendar(actor)
        calendar.add_working_day(day, reason, actor, self.workspace.clock.now())
        self.workspace.save(calendar, what=_WHAT)

    def withdraw(self, day: date, reason: str, actor: Actor) -> None:
        calendar = self._calendar(actor)
        calendar.withdraw(day, reason, actor, self.workspace.clock.now())
        self.workspace.save(calendar, what=_WHAT)

    def _calendar(self, actor: Actor) -> LocalCalendar:
        if self.workspace.exists(local_calendar_id()):
            return self.workspace.load(LocalCalendar, local_calendar_id(), _WHAT)
        return LocalCalendar.start(actor=actor, at=self.workspace.clock.now())
