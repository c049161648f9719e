"""Who changed what and when, for every aggregate."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from planner.projections.json_values import plain
from planner.projections.projection import Projection
from planner.projections.schema import history

_COMMON = {"originator_id", "originator_version", "timestamp", "originator_topic", "actor"}
# Password hashes stay in the event store; history is shown to people and exported to reports.
_SECRET = {"password_hash"}
_WORD_START = re.compile(r"(?<!^)(?=[A-Z])")


class History(Projection):
    tables = (history,)

    def __init__(self) -> None:
        super().__init__()
        self.rows = self.buffer(history, "aggregate_id")

    def prepare(self, connection: Connection, events: Sequence[Any]) -> None:
        """History only appends, so nothing needs loading."""

    def apply(self, domain_event: Any) -> None:
        aggregate, _, name = type(domain_event).__qualname__.partition(".")
        actor = domain_event.actor
        self.rows.put(
            {
                "aggregate_id": domain_event.originator_id,
                "version": domain_event.originator_version,
                "aggregate_type": _WORD_START.sub("_", aggregate).lower(),
                "event": name,
                "actor_user": actor.user,
                "actor_agency": actor.agency,
                "actor_role": actor.role.value,
                "at": domain_event.timestamp,
                "details": {
                    key: plain(value)
                    for key, value in vars(domain_event).items()
                    if key not in _COMMON and key not in _SECRET
                },
            }
        )
