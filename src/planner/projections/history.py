"""Who changed what and when, for every aggregate."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from planner.projections.json_values import plain
from planner.projections.projection import Projection
from planner.projections.schema import history

_COMMON = {"originator_id", "originator_version", "timestamp", "originator_topic", "actor"}
# Password hashes stay in the event store; history is shown to people and exported to reports.
_SECRET = {"password_hash", "secret_hash"}
_WORD_START = re.compile(r"(?<!^)(?=[A-Z])")


class History(Projection):
    tables = (history,)

    def __init__(self) -> None:
        super().__init__()
        self.rows = self.append_buffer(history)

    def apply(self, domain_event: Any) -> None:
        aggregate_type, name = _names(domain_event.__class__.__qualname__)
        actor = domain_event.actor
        self.rows.put(
            {
                "aggregate_id": domain_event.originator_id,
                "version": domain_event.originator_version,
                "aggregate_type": aggregate_type,
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
                "evidence": _documents(domain_event),
            }
        )


def _documents(domain_event: Any) -> int:
    attached = getattr(domain_event, "evidence", None)
    return len(attached) if isinstance(attached, tuple | list) else 0


@cache
def _names(qualified_name: str) -> tuple[str, str]:
    """("score_target", "ResultRecorded") for ScoreTarget.ResultRecorded."""
    aggregate, _, name = qualified_name.partition(".")
    return _WORD_START.sub("_", aggregate).lower(), name
