"""Token cho chương trình: a named key a program (a province portal, a reporting script) signs
in with, instead of a person's password.

It acts for one agency in one role until it expires or an administrator revokes it. Only a
hash of its secret is recorded; the secret itself is shown once, when it is issued.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor, Role
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted
from planner.domain.identity import NAMESPACE
from planner.domain.text import clean
from planner.domain.user import ROLES
from planner.domain.vietnam_time import local_date

LONGEST_DAYS = 366 * 2  # a program's key is renewed at least every two years


def api_token_id(name: str) -> UUID:
    return uuid5(NAMESPACE, f"api-token:{name.strip().lower()}")


class ApiToken(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Issued(Event, Aggregate.Created):
        name: str
        agency: str
        role: Role
        secret_hash: str
        expires_on: date

    class Revoked(Event):
        reason: str

    @staticmethod
    def create_id(name: str, **_: object) -> UUID:
        return api_token_id(name)

    @classmethod
    def issue(
        cls,
        *,
        name: str,
        agency: str,
        role: Role,
        secret_hash: str,
        expires_on: date,
        monitor_agency: str,
        actor: Actor,
        at: datetime,
    ) -> ApiToken:
        """Cấp token: an administrator names the program, its agency, role and last day."""
        _require_admin(actor)
        label = clean(name)
        if not 3 <= len(label) <= 100:
            raise InvalidValue(f"tên token '{name}': cần 3–100 ký tự, vd. 'cong-thong-tin-tinh'")
        if role not in ROLES:
            raise InvalidValue(f"token {label}: vai trò '{role}' không hợp lệ")
        if role is Role.MONITOR and agency != monitor_agency:
            raise InvalidValue(
                f"token {label}: chỉ {monitor_agency} (Sở Nội vụ) được giữ vai trò theo dõi"
            )
        today = local_date(at)
        if not today < expires_on <= date.fromordinal(today.toordinal() + LONGEST_DAYS):
            raise InvalidValue(
                f"token {label}: ngày hết hạn phải sau hôm nay và trong vòng {LONGEST_DAYS} ngày"
            )
        return cls(
            name=label,
            agency=agency,
            role=role,
            secret_hash=secret_hash,
            expires_on=expires_on,
            actor=actor,
            timestamp=at,
        )

    @event(Issued)
    def __init__(
        self,
        *,
        name: str,
        agency: str,
        role: Role,
        secret_hash: str,
        expires_on: date,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.name = name
        self.agency = agency
        self.role = Role(role)
        self.secret_hash = secret_hash
        self.expires_on = expires_on
        self.revoked = False

    def revoke(self, reason: str, actor: Actor, at: datetime) -> None:
        """Thu hồi: the program can no longer sign in with it, in any server process."""
        _require_admin(actor)
        if self.revoked:
            raise InvalidTransition(f"token {self.name} đã bị thu hồi")
        text = clean(reason)
        if not text:
            raise InvalidValue(f"token {self.name}: cần nêu lý do thu hồi")
        self._revoked(reason=text, actor=actor, timestamp=at)

    @event(Revoked)
    def _revoked(self, *, reason: str, actor: Actor, timestamp: datetime) -> None:
        self.revoked = True


def _require_admin(actor: Actor) -> None:
    if not actor.administers:
        raise NotPermitted(f"{actor.user} ({actor.agency}) không có quyền cấp hay thu hồi token")
