"""The agency registry, with each body's successor after reorganisations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from planner.domain.agency import Agency, AgencyState
from planner.projections.projection import Projection
from planner.projections.schema import agencies
from planner.projections.view_transaction import ViewTransaction


class AgencyCatalog(Projection):
    tables = (agencies,)
    events = (Agency.Event,)
    stamp = "agencies"

    def __init__(self) -> None:
        super().__init__()
        self.agencies = self.buffer(agencies, "agency_id")

    def prepare(self, transaction: ViewTransaction, events: Sequence[Any]) -> None:
        # Reorganisations touch other agencies' rows (successors, bodies they carried on),
        # and the registry is small, so a batch of agency events loads all of it.
        self.agencies.load_all(transaction)

    @singledispatchmethod
    def apply(self, domain_event: object) -> None:
        """Events this view does not handle leave it unchanged."""

    @apply.register
    def _(self, event: Agency.Registered) -> None:
        self.agencies.put(
            {
                "code": event.code,
                "agency_id": event.originator_id,
                "name": event.name,
                "kind": event.kind,
                "aliases": list(event.aliases),
                "parent": event.parent,
                "emails": list(event.emails),
                "groups": list(event.groups),
                "state": AgencyState.ACTIVE.value,
                "successors": [],
                "carried_by": event.code,
                "version": event.originator_version,
            }
        )

    @apply.register
    def _(self, event: Agency.Renamed) -> None:
        row = self._row(event)
        row["aliases"] = [*row["aliases"], row["name"]]
        row["name"] = event.name

    @apply.register
    def _(self, event: Agency.AliasesChanged) -> None:
        self._row(event)["aliases"] = list(event.aliases)

    @apply.register
    def _(self, event: Agency.EmailsChanged) -> None:
        self._row(event)["emails"] = list(event.emails)

    @apply.register
    def _(self, event: Agency.GroupsChanged) -> None:
        self._row(event)["groups"] = list(event.groups)

    @apply.register
    def _(self, event: Agency.MergedInto) -> None:
        self._hand_over(event, AgencyState.MERGED, [event.successor], event.successor)

    @apply.register
    def _(self, event: Agency.Split) -> None:
        self._hand_over(event, AgencyState.SPLIT, list(event.successors), event.carried_by)

    @apply.register
    def _(self, event: Agency.Dissolved) -> None:
        successors = [event.successor] if event.successor else []
        self._hand_over(event, AgencyState.DISSOLVED, successors, event.successor)

    def _hand_over(
        self, event: Agency.Event, state: AgencyState, successors: list[str], heir: str | None
    ) -> None:
        """Record the new state; everything this body carried now rolls up to its heir."""
        row = self._row(event)
        row["state"], row["successors"] = state.value, successors
        if heir is None:
            return
        heir_row = next(iter(self.agencies.find(code=heir)), None)
        final = heir_row["carried_by"] if heir_row else heir
        for carried in self.agencies.find(carried_by=row["code"]):
            self.agencies.put({**carried, "carried_by": final})

    def _row(self, event: Agency.Event) -> dict[str, Any]:
        row = self.agencies.get(self._code(event))
        assert row is not None, f"agency {event.originator_id} has no Registered event"
        row = {**row, "version": event.originator_version}
        self.agencies.put(row)
        return row

    def _code(self, event: Agency.Event) -> str:
        found = self.agencies.find(agency_id=event.originator_id)
        assert found, f"agency {event.originator_id} is not in the catalog"
        return str(found[0]["code"])
