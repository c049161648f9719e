"""The only place planner reads the time; tests and the demo pass their own."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol

from planner.domain.vietnam_time import local_date


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that says what it is told (the demo replays a year with it)."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def set(self, moment: datetime) -> None:
        self.moment = moment


def today(clock: Clock) -> date:
    """Today's date in Vietnam."""
    return local_date(clock.now())
