"""Người dùng: a member of an agency's staff who signs in, acting in one role.

Only a password hash is ever recorded; the plain password never reaches the domain.
"""

from __future__ import annotations

import re
from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor, Role
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted
from planner.domain.identity import user_id
from planner.domain.text import clean

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._\-]{2,63}$")
ROLES = (Role.AGENCY, Role.MONITOR, Role.ADMIN)


def check_username(username: str) -> str:
    """User names are 3–64 lower-case letters, digits, '.', '_' or '-' (e.g. can-bo.snv)."""
    text = username.strip().lower()
    if not _USERNAME.match(text):
        raise InvalidValue(
            f"tên đăng nhập '{username}' không hợp lệ (3–64 ký tự: chữ thường không dấu, số, "
            "'.', '_' hoặc '-')"
        )
    return text


class User(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Added(Event, Aggregate.Created):
        username: str
        agency: str
        role: Role
        password_hash: str

    class PasswordReset(Event):
        password_hash: str

    class Disabled(Event):
        reason: str

    class Enabled(Event):
        reason: str

    class SignedOut(Event):
        """Every session and token the user held so far ends."""

    @staticmethod
    def create_id(username: str, **_: object) -> UUID:
        return user_id(username)

    @classmethod
    def add(
        cls,
        *,
        username: str,
        agency: str,
        role: Role,
        password_hash: str,
        monitor_agency: str,
        actor: Actor,
        at: datetime,
    ) -> User:
        """An account for staff of `agency`; only Sở Nội vụ's staff may hold the monitor role."""
        _require_admin(actor)
        name = check_username(username)
        if role not in ROLES:
            raise InvalidValue(f"tài khoản {name}: vai trò '{role}' không hợp lệ")
        if role is Role.MONITOR and agency != monitor_agency:
            raise InvalidValue(
                f"tài khoản {name}: chỉ cán bộ {monitor_agency} (Sở Nội vụ) được giữ vai trò "
                f"theo dõi, không phải cán bộ {agency}"
            )
        return cls(
            username=name,
            agency=agency,
            role=role,
            password_hash=password_hash,
            actor=actor,
            timestamp=at,
        )

    @event(Added)
    def __init__(
        self,
        *,
        username: str,
        agency: str,
        role: Role,
        password_hash: str,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.username = username
        self.agency = agency
        self.role = Role(role)
        self.password_hash = password_hash
        self.active = True

    def reset_password(self, password_hash: str, actor: Actor, at: datetime) -> None:
        """A new password, set by an administrator or by the user themself."""
        if actor.user != self.username:
            _require_admin(actor)
        self._password_reset(password_hash=password_hash, actor=actor, timestamp=at)

    def disable(self, reason: str, actor: Actor, at: datetime) -> None:
        """Khóa tài khoản: the user can no longer sign in; what they recorded stays."""
        _require_admin(actor)
        if actor.user == self.username:
            raise NotPermitted(f"không thể tự khóa tài khoản của mình ({self.username})")
        if not self.active:
            raise InvalidTransition(f"tài khoản {self.username} đã bị khóa")
        self._disabled(reason=self._reason(reason), actor=actor, timestamp=at)

    def enable(self, reason: str, actor: Actor, at: datetime) -> None:
        _require_admin(actor)
        if self.active:
            raise InvalidTransition(f"tài khoản {self.username} đang hoạt động")
        self._enabled(reason=self._reason(reason), actor=actor, timestamp=at)

    def sign_out(self, actor: Actor, at: datetime) -> None:
        """Đăng xuất: the user (or an administrator) ends all of the user's sessions."""
        if actor.user != self.username:
            _require_admin(actor)
        self._signed_out(actor=actor, timestamp=at)

    @event(PasswordReset)
    def _password_reset(self, *, password_hash: str, actor: Actor, timestamp: datetime) -> None:
        self.password_hash = password_hash

    @event(Disabled)
    def _disabled(self, *, reason: str, actor: Actor, timestamp: datetime) -> None:
        self.active = False

    @event(Enabled)
    def _enabled(self, *, reason: str, actor: Actor, timestamp: datetime) -> None:
        self.active = True

    @event(SignedOut)
    def _signed_out(self, *, actor: Actor, timestamp: datetime) -> None:
        pass

    def _reason(self, reason: str) -> str:
        text = clean(reason)
        if not text:
            raise InvalidValue(f"tài khoản {self.username}: cần nêu lý do")
        return text


def _require_admin(actor: Actor) -> None:
    if not actor.administers:
        raise NotPermitted(f"{actor.user} ({actor.agency}) không có quyền quản lý tài khoản")
