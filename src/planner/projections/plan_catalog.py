"""The plans registered, with their plan-level obligations."""

from __future__ import annotations

from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from planner.domain.plan import INPUT_DAYS, Plan
from planner.projections.json_values import plain
from planner.projections.projection import Projection
from planner.projections.schema import plans


class PlanCatalog(Projection):
    tables = (plans,)
    events = (Plan.Event,)

    def __init__(self) -> None:
        super().__init__()
        self.plans = self.buffer(plans, "plan_id")

    @singledispatchmethod
    def apply(self, domain_event: object) -> None:
        """Events this view does not handle leave it unchanged."""

    @apply.register
    def _(self, event: Plan.Registered) -> None:
        self.plans.put(
            {
                "plan_id": event.originator_id,
                "number": event.number,
                "title": event.title,
                "issuer": event.issuer,
                "province": event.province,
                "issued_on": event.issued_on,
                "year": event.year,
                "indices": [plain(i) for i in event.indices],
                "obligations": [],
                "input_days": INPUT_DAYS,
                "version": event.originator_version,
            }
        )

    @apply.register
    def _(self, event: Plan.ObligationAdded) -> None:
        row = self._row(event)
        row["obligations"] = [*row["obligations"], plain(event.obligation)]

    @apply.register
    def _(self, event: Plan.ObligationWithdrawn) -> None:
        row = self._row(event)
        row["obligations"] = [o for o in row["obligations"] if o["key"] != event.key]

    @apply.register
    def _(self, event: Plan.InputDaysSet) -> None:
        self._row(event)["input_days"] = event.days

    def _row(self, event: Plan.Event) -> dict[str, Any]:
        row = self.plans.get(event.originator_id)
        assert row is not None, f"plan {event.originator_id} has no Registered event"
        row = {**row, "version": event.originator_version}
        self.plans.put(row)
        return row
