"""Hà Nam's plan of 2019 needs a store whose history starts in 2019, registry included."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from uuid import UUID

import pytest

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.bootstrap.store import open_planner
from planner.settings import Settings
from tests.conftest import vietnam_time
from tests.reports.ha_nam_plan import ISSUED_ON, load_ha_nam
from tests.seeded_stores import SeededStores


class HaNam:
    """The store, its clock, and the plan as registered on the day it was issued."""

    def __init__(self, planner: Planner, clock: FixedClock, plan: UUID) -> None:
        self.planner, self.clock, self.plan = planner, clock, plan

    def on(self, day: date) -> None:
        self.clock.set(vietnam_time(day))


def registered_ha_nam(database_url: str) -> UUID:
    """A store with the agency registry and Hà Nam's plan, registered on the day it was issued."""
    clock = FixedClock(vietnam_time(ISSUED_ON))
    with open_planner(Settings(database_url=database_url), clock) as planner:
        planner.agencies.register_defaults(planner.system)
        return load_ha_nam(planner)


@pytest.fixture
def ha_nam(database_url: str, seeded_stores: SeededStores) -> Iterator[HaNam]:
    """A copy of the store `registered_ha_nam` loads once per session, on the day of issue."""
    plan: UUID = seeded_stores.copy(registered_ha_nam, database_url)
    clock = FixedClock(vietnam_time(ISSUED_ON))
    with open_planner(Settings(database_url=database_url), clock) as planner:
        yield HaNam(planner, clock, plan)
