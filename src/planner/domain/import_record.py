"""An import's record: the corrections Sở Nội vụ made to the reading of a document.

One record per way of knowing the document again: its province and number, or the
layout of its tables (a document that states no number). Importing the same document, or a
revised version, finds them and reads it the same way without asking again.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.errors import NotPermitted
from planner.domain.identity import import_record_id
from planner.domain.import_corrections import Corrections
from planner.domain.text import clean


class ImportRecord(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Recorded(Event, Aggregate.Created):
        key: str
        corrections: Corrections
        reason: str

    class Revised(Event):
        corrections: Corrections
        reason: str

    @staticmethod
    def create_id(key: str, **_: object) -> UUID:
        return import_record_id(key)

    @classmethod
    def record(
        cls, *, key: str, corrections: Corrections, reason: str, actor: Actor, at: datetime
    ) -> ImportRecord:
        _require_monitor(actor)
        reason = clean(reason)
        return cls(key=key, corrections=corrections, reason=reason, actor=actor, timestamp=at)

    @event(Recorded)
    def __init__(
        self, *, key: str, corrections: Corrections, reason: str, actor: Actor, timestamp: datetime
    ) -> None:
        self.key = key
        self.corrections = corrections
        self.reason = reason
        self.recorded_at = timestamp
        self.recorded_by = actor.user

    def revise(self, corrections: Corrections, reason: str, actor: Actor, at: datetime) -> bool:
        """Keep these corrections instead; False (nothing recorded) when they are the same."""
        _require_monitor(actor)
        if corrections == self.corrections:
            return False
        self._revised(corrections=corrections, reason=clean(reason), actor=actor, timestamp=at)
        return True

    @event(Revised)
    def _revised(
        self, *, corrections: Corrections, reason: str, actor: Actor, timestamp: datetime
    ) -> None:
        self.corrections = corrections
        self.reason = reason
        self.recorded_at = timestamp
        self.recorded_by = actor.user


def _require_monitor(actor: Actor) -> None:
    if not actor.oversees:
        raise NotPermitted(
            f"{actor.user} ({actor.agency}) không được sửa cách đọc văn bản nhập; "
            "chỉ chuyên viên Sở Nội vụ"
        )
