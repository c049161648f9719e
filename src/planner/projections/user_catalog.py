"""Accounts as they stand: agency, role, whether they may sign in, and the password hash.

A session counts from the account's version that issued it; setting a password, signing out
and locking the account each start a new one, so every session issued before ends.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from planner.domain.user import User
from planner.projections.projection import Projection
from planner.projections.schema import users


class UserCatalog(Projection):
    tables = (users,)
    events = (User.Event,)
    stamp = "users"

    def __init__(self) -> None:
        super().__init__()
        self.users = self.buffer(users, "user_id")

    @singledispatchmethod
    def apply(self, domain_event: object) -> None:
        """Events this view does not handle leave it unchanged."""

    @apply.register
    def _(self, event: User.Added) -> None:
        self.users.put(
            {
                "username": event.username,
                "user_id": event.originator_id,
                "agency": event.agency,
                "role": str(event.role),
                "active": True,
                "password_hash": event.password_hash,
                "sessions_version": event.originator_version,
                "version": event.originator_version,
            }
        )

    @apply.register
    def _(self, event: User.PasswordReset) -> None:
        self._change(
            event, password_hash=event.password_hash, sessions_version=event.originator_version
        )

    @apply.register
    def _(self, event: User.Disabled) -> None:
        self._change(event, active=False, sessions_version=event.originator_version)

    @apply.register
    def _(self, event: User.SignedOut) -> None:
        self._change(event, sessions_version=event.originator_version)

    @apply.register
    def _(self, event: User.Enabled) -> None:
        self._change(event, active=True)

    def _change(self, event: User.Event, **values: Any) -> None:
        (row,) = self.users.find(user_id=event.originator_id)
        self.users.put({**row, **values, "version": event.originator_version})
