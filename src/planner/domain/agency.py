"""Cơ quan: a sở, ban, ngành, UBND cấp huyện or cấp xã, and how it is reorganised."""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted
from planner.domain.identity import agency_id
from planner.domain.text import clean, name_key

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_\-]{0,31}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class AgencyKind(StrEnum):
    DEPARTMENT = "department"  # sở, ban, ngành cấp tỉnh
    DISTRICT = "district"  # UBND cấp huyện
    COMMUNE = "commune"  # UBND cấp xã
    OTHER = "other"  # báo, đài, công an, cục thuế, doanh nghiệp...


class AgencyState(StrEnum):
    ACTIVE = "active"
    MERGED = "merged"
    SPLIT = "split"
    DISSOLVED = "dissolved"

    @property
    def label(self) -> str:
        return {
            "active": "đang hoạt động",
            "merged": "đã sáp nhập",
            "split": "đã chia tách",
            "dissolved": "đã giải thể",
        }[self.value]


def check_code(code: str) -> str:
    """Agency codes are short upper-case words such as SNV or UBND_BABE."""
    text = code.strip().upper()
    if not _CODE.match(text):
        raise InvalidValue(f"mã cơ quan '{code}' không hợp lệ (chữ in hoa, số, '_' hoặc '-')")
    return text


def check_emails(emails: tuple[str, ...], where: str) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(e.strip().lower() for e in emails if e.strip()))
    for email in cleaned:
        if not _EMAIL.match(email):
            raise InvalidValue(f"{where}: địa chỉ e-mail '{email}' không hợp lệ")
    return cleaned


class Agency(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Registered(Event, Aggregate.Created):
        code: str
        name: str
        kind: AgencyKind
        aliases: tuple[str, ...]
        parent: str | None
        emails: tuple[str, ...]
        groups: tuple[str, ...]

    class Renamed(Event):
        name: str
        reason: str

    class AliasesChanged(Event):
        aliases: tuple[str, ...]

    class EmailsChanged(Event):
        emails: tuple[str, ...]

    class GroupsChanged(Event):
        groups: tuple[str, ...]

    class MergedInto(Event):
        successor: str
        effective_on: date
        reason: str

    class Split(Event):
        successors: tuple[str, ...]
        carried_by: str
        effective_on: date
        reason: str

    class Dissolved(Event):
        successor: str | None
        effective_on: date
        reason: str

    @staticmethod
    def create_id(code: str, **_: object) -> UUID:
        return agency_id(code)

    @classmethod
    def register(
        cls,
        *,
        code: str,
        name: str,
        kind: AgencyKind,
        aliases: tuple[str, ...] = (),
        parent: str | None = None,
        emails: tuple[str, ...] = (),
        groups: tuple[str, ...] = (),
        actor: Actor,
        at: datetime,
    ) -> Agency:
        _require_admin(actor)
        code = check_code(code)
        if not clean(name):
            raise InvalidValue(f"cơ quan {code}: cần có tên")
        return cls(
            code=code,
            name=clean(name),
            kind=kind,
            aliases=_aliases(aliases, name),
            parent=check_code(parent) if parent else None,
            emails=check_emails(emails, f"cơ quan {code}"),
            groups=tuple(dict.fromkeys(groups)),
            actor=actor,
            timestamp=at,
        )

    @event(Registered)
    def __init__(
        self,
        *,
        code: str,
        name: str,
        kind: AgencyKind,
        aliases: tuple[str, ...],
        parent: str | None,
        emails: tuple[str, ...],
        groups: tuple[str, ...],
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.code = code
        self.name = name
        self.kind = AgencyKind(kind)
        self.aliases = tuple(aliases)
        self.parent = parent
        self.emails = tuple(emails)
        self.groups = tuple(groups)
        self.state = AgencyState.ACTIVE
        self.successors: tuple[str, ...] = ()
        self.carried_by: str | None = None

    def rename(self, name: str, reason: str, actor: Actor, at: datetime) -> None:
        """A new name; the old one stays known as an alias so old documents still match."""
        _require_admin(actor)
        self._require_active("đổi tên")
        if name_key(name) == name_key(self.name):
            raise InvalidValue(f"cơ quan {self.code}: tên mới trùng tên hiện tại")
        self._renamed(name=clean(name), reason=clean(reason), actor=actor, timestamp=at)

    def set_aliases(self, aliases: tuple[str, ...], actor: Actor, at: datetime) -> None:
        _require_admin(actor)
        self._aliases_changed(aliases=_aliases(aliases, self.name), actor=actor, timestamp=at)

    def set_emails(self, emails: tuple[str, ...], actor: Actor, at: datetime) -> None:
        _require_admin(actor)
        checked = check_emails(emails, f"cơ quan {self.code}")
        self._emails_changed(emails=checked, actor=actor, timestamp=at)

    def set_groups(self, groups: tuple[str, ...], actor: Actor, at: datetime) -> None:
        _require_admin(actor)
        self._groups_changed(groups=tuple(dict.fromkeys(groups)), actor=actor, timestamp=at)

    def merge_into(
        self, successor: str, effective_on: date, reason: str, actor: Actor, at: datetime
    ) -> None:
        """Sáp nhập: this body's tasks and scores are carried on by `successor`."""
        _require_admin(actor)
        self._require_active("sáp nhập")
        if successor == self.code:
            raise InvalidValue(f"cơ quan {self.code} không thể sáp nhập vào chính nó")
        self._merged_into(
            successor=successor,
            effective_on=effective_on,
            reason=clean(reason),
            actor=actor,
            timestamp=at,
        )

    def split(
        self,
        successors: tuple[str, ...],
        carried_by: str,
        effective_on: date,
        reason: str,
        actor: Actor,
        at: datetime,
    ) -> None:
        """Chia tách: several successors; `carried_by` takes over the open tasks and scores."""
        _require_admin(actor)
        self._require_active("chia tách")
        if len(successors) < 2 or carried_by not in successors or self.code in successors:
            raise InvalidValue(
                f"cơ quan {self.code}: chia tách cần ít nhất hai cơ quan kế thừa, "
                "trong đó có cơ quan tiếp nhận nhiệm vụ"
            )
        self._split(
            successors=successors,
            carried_by=carried_by,
            effective_on=effective_on,
            reason=clean(reason),
            actor=actor,
            timestamp=at,
        )

    def dissolve(
        self, successor: str | None, effective_on: date, reason: str, actor: Actor, at: datetime
    ) -> None:
        """Giải thể (or the end of the district level): `successor` takes over, if any."""
        _require_admin(actor)
        self._require_active("giải thể")
        self._dissolved(
            successor=successor,
            effective_on=effective_on,
            reason=clean(reason),
            actor=actor,
            timestamp=at,
        )

    @event(Renamed)
    def _renamed(self, *, name: str, reason: str, actor: Actor, timestamp: datetime) -> None:
        self.aliases = _aliases((*self.aliases, self.name), name)
        self.name = name

    @event(AliasesChanged)
    def _aliases_changed(
        self, *, aliases: tuple[str, ...], actor: Actor, timestamp: datetime
    ) -> None:
        self.aliases = tuple(aliases)

    @event(EmailsChanged)
    def _emails_changed(
        self, *, emails: tuple[str, ...], actor: Actor, timestamp: datetime
    ) -> None:
        self.emails = tuple(emails)

    @event(GroupsChanged)
    def _groups_changed(
        self, *, groups: tuple[str, ...], actor: Actor, timestamp: datetime
    ) -> None:
        self.groups = tuple(groups)

    @event(MergedInto)
    def _merged_into(
        self, *, successor: str, effective_on: date, reason: str, actor: Actor, timestamp: datetime
    ) -> None:
        self.state, self.successors, self.carried_by = AgencyState.MERGED, (successor,), successor

    @event(Split)
    def _split(
        self,
        *,
        successors: tuple[str, ...],
        carried_by: str,
        effective_on: date,
        reason: str,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.state, self.successors, self.carried_by = (
            AgencyState.SPLIT,
            tuple(successors),
            carried_by,
        )

    @event(Dissolved)
    def _dissolved(
        self,
        *,
        successor: str | None,
        effective_on: date,
        reason: str,
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.state = AgencyState.DISSOLVED
        self.successors = (successor,) if successor else ()
        self.carried_by = successor

    def _require_active(self, action: str) -> None:
        if self.state is not AgencyState.ACTIVE:
            raise InvalidTransition(
                f"cơ quan {self.code} ({self.name}) {self.state.label}, không thể {action}"
            )


def _aliases(aliases: tuple[str, ...], name: str) -> tuple[str, ...]:
    """Distinct aliases in NFC, without the agency's own current name."""
    seen = {name_key(name)}
    kept = []
    for alias in aliases:
        text = clean(alias)
        if text and name_key(text) not in seen:
            seen.add(name_key(text))
            kept.append(text)
    return tuple(kept)


def _require_admin(actor: Actor) -> None:
    if not (actor.administers or actor.oversees):
        raise NotPermitted(f"{actor.agency} không có quyền quản lý danh mục cơ quan")
