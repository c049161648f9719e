"""What every command needs: load aggregates, save their events, keep the views current."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import RecordConflictError

from planner.application.clock import Clock
from planner.application.errors import Conflict, NotFound
from planner.domain.actor import Actor, Role
from planner.domain.errors import NotPermitted, UnknownAgency
from planner.projections.projector import Projector
from planner.queries.views import Views
from planner.storage.event_store import EventStore

A = TypeVar("A", bound=Aggregate)


class Workspace:
    def __init__(self, store: EventStore, projector: Projector, views: Views, clock: Clock) -> None:
        self.store = store
        self.projector = projector
        self.views = views
        self.clock = clock
        self._deferred = 0

    def load(
        self, kind: type[A], aggregate_id: UUID, what: str, expected_version: int | None = None
    ) -> A:
        """The aggregate as of its last event; a stale `expected_version` is a conflict."""
        try:
            aggregate = self.store.aggregate(aggregate_id)
        except AggregateNotFoundError:
            raise NotFound(f"không tìm thấy {what}") from None
        if not isinstance(aggregate, kind):
            raise NotFound(f"không tìm thấy {what}")
        if expected_version is not None and aggregate.version != expected_version:
            raise Conflict(
                f"{what} đã được người khác cập nhật (phiên bản {aggregate.version}, "
                f"bạn đang sửa phiên bản {expected_version}); hãy tải lại rồi thử lại"
            )
        return aggregate

    def exists(self, aggregate_id: UUID) -> bool:
        return aggregate_id in self.store.repository

    def save(self, *aggregates: Aggregate, what: str = "dữ liệu") -> int:
        """Record the aggregates' new events; return only once the views show them."""
        events = [event for aggregate in aggregates for event in aggregate.collect_events()]
        try:
            position = self.projector.record(events, project=not self._deferred)
        except BaseException as error:
            self.store.forget(aggregates)  # the next command starts from what is stored
            if isinstance(error, RecordConflictError):
                raise Conflict(
                    f"{what} vừa được người khác cập nhật; thay đổi của bạn chưa được ghi, "
                    "hãy tải lại rồi thử lại"
                ) from None
            raise
        self.store.keep(aggregates)
        return position

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Defer updating the views until a batch of commands (an import, the demo) is done."""
        self._deferred += 1
        try:
            yield
        finally:
            self._deferred -= 1
            if not self._deferred:
                self.projector.catch_up()

    def agency_codes(self, names: Iterable[str]) -> tuple[str, ...]:
        """Codes for agency names or codes; collective names expand to their members."""
        directory = self.views.directory()
        return tuple(dict.fromkeys(code for name in names for code in directory.resolve(name)))

    def active_agency(self, agency: str) -> str:
        """The code of a registered agency still at work, for an account or a token to act for."""
        directory = self.views.directory()
        code = directory.find(agency)
        if code is None:
            raise UnknownAgency(agency, directory.closest(agency))
        if not directory.agencies[code].active:
            raise NotPermitted(
                f"cơ quan {code} không còn hoạt động; không thể cấp quyền cho cơ quan này"
            )
        return code

    def actor(self, user: str, agency: str, role: Role) -> Actor:
        """An actor of a registered, active agency, carrying on the work of its predecessors."""
        directory = self.views.directory()
        code = directory.find(agency)
        if code is None:
            raise UnknownAgency(agency, directory.closest(agency))
        record = directory.agencies[code]
        if not record.active and role is not Role.SYSTEM:
            raise NotPermitted(
                f"cơ quan {code} không còn hoạt động; công việc của cơ quan này do "
                f"{directory.successor(code)} tiếp nhận"
            )
        return Actor(user, code, role, directory.predecessors(code))
