"""Lịch làm việc của tỉnh: the days a province adds to the national calendar.

A province may give its own days off (its founding day) or make a day a working day (a
Saturday worked in exchange for a bridge day, decided by the province). Each is recorded with
its reason, by whom and when, and may be withdrawn; the national rules apply to every other day.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.errors import InvalidValue, NotPermitted
from planner.domain.identity import local_calendar_id
from planner.domain.text import clean
from planner.domain.working_days import ProvinceDays


class LocalCalendar(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Started(Event, Aggregate.Created):
        pass

    class DayOffAdded(Event):
        day: date
        reason: str

    class WorkingDayAdded(Event):
        day: date
        reason: str

    class DayWithdrawn(Event):
        day: date
        reason: str

    @staticmethod
    def create_id(**_: object) -> UUID:
        return local_calendar_id()

    @classmethod
    def start(cls, *, actor: Actor, at: datetime) -> LocalCalendar:
        _require_monitor(actor)
        return cls(actor=actor, timestamp=at)

    @event(Started)
    def __init__(self, *, actor: Actor, timestamp: datetime) -> None:
        self.days_off: dict[date, str] = {}
        self.working_days: dict[date, str] = {}

    @property
    def days(self) -> ProvinceDays:
        return ProvinceDays(dict(self.days_off), dict(self.working_days))

    def add_day_off(self, day: date, reason: str, actor: Actor, at: datetime) -> None:
        """Ngày nghỉ của tỉnh: offices close that day; reminders and deadlines move past it."""
        _require_monitor(actor)
        if day in self.days_off:
            raise InvalidValue(f"ngày {day:%d/%m/%Y} đã là ngày nghỉ của tỉnh")
        self._day_off_added(day=day, reason=_reason(reason, day), actor=actor, timestamp=at)

    def add_working_day(self, day: date, reason: str, actor: Actor, at: datetime) -> None:
        """Ngày làm việc của tỉnh: offices work that day though the nation's calendar rests."""
        _require_monitor(actor)
        if day in self.working_days:
            raise InvalidValue(f"ngày {day:%d/%m/%Y} đã là ngày làm việc của tỉnh")
        self._working_day_added(day=day, reason=_reason(reason, day), actor=actor, timestamp=at)

    def withdraw(self, day: date, reason: str, actor: Actor, at: datetime) -> None:
        """The day follows the national calendar again."""
        _require_monitor(actor)
        if day not in self.days_off and day not in self.working_days:
            raise InvalidValue(
                f"ngày {day:%d/%m/%Y} không phải ngày nghỉ hay ngày làm việc riêng của tỉnh"
            )
        self._day_withdrawn(day=day, reason=_reason(reason, day), actor=actor, timestamp=at)

    @event(DayOffAdded)
    def _day_off_added(self, *, day: date, reason: str, actor: Actor, timestamp: datetime) -> None:
        self.working_days.pop(day, None)
        self.days_off[day] = reason

    @event(WorkingDayAdded)
    def _working_day_added(
        self, *, day: date, reason: str, actor: Actor, timestamp: datetime
    ) -> None:
        self.days_off.pop(day, None)
        self.working_days[day] = reason

    @event(DayWithdrawn)
    def _day_withdrawn(self, *, day: date, reason: str, actor: Actor, timestamp: datetime) -> None:
        self.days_off.pop(day, None)
        self.working_days.pop(day, None)


def _reason(reason: str, day: date) -> str:
    text = clean(reason)
    if not text:
        raise InvalidValue(f"ngày {day:%d/%m/%Y}: cần nêu lý do (vd. số quyết định của UBND tỉnh)")
    return text


def _require_monitor(actor: Actor) -> None:
    if not (actor.oversees or actor.administers):
        raise NotPermitted(
            f"{actor.agency} không có quyền đổi lịch làm việc của tỉnh (chỉ Sở Nội vụ)"
        )
