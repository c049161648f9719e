"""Kế hoạch: a plan a province issues to raise its indices, with its own deadlines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from planner.domain.actor import Actor
from planner.domain.criterion import Index
from planner.domain.errors import InvalidValue, NotPermitted
from planner.domain.identity import plan_id
from planner.domain.schedule import Schedule
from planner.domain.text import clean


def plan_number(text: str) -> str:
    """ "365 /KH-UBND" and "365/KH-UBND" are the same number."""
    number = re.sub(r"\s*/\s*", "/", clean(text)).removeprefix("Số").strip(" :")
    if not number:
        raise InvalidValue("kế hoạch: cần có số kế hoạch (ví dụ 365/KH-UBND)")
    return number


@dataclass(frozen=True)
class Obligation:
    """A plan-level duty such as "báo cáo kết quả trước ngày 25/11 hàng năm"."""

    key: str
    text: str
    schedule: Schedule
    responsible: tuple[str, ...]
    report_to: str | None = None


# Coordinating bodies send their input (ý kiến, số liệu) this many working days before the
# lead's due date, unless the plan says otherwise.
INPUT_DAYS = 5


class Plan(Aggregate):
    class Event(Aggregate.Event):
        actor: Actor

    class Registered(Event, Aggregate.Created):
        number: str
        title: str
        issuer: str
        province: str
        issued_on: date | None
        year: int
        indices: tuple[Index, ...]

    class ObligationAdded(Event):
        obligation: Obligation

    class ObligationWithdrawn(Event):
        key: str
        reason: str

    class InputDaysSet(Event):
        """How many working days before the lead's due date coordinating bodies send input."""

        days: int
        reason: str

    @staticmethod
    def create_id(province: str, number: str, **_: object) -> UUID:
        return plan_id(province, number)

    @classmethod
    def register(
        cls,
        *,
        number: str,
        title: str,
        issuer: str,
        province: str,
        issued_on: date | None,
        year: int,
        indices: tuple[Index, ...],
        actor: Actor,
        at: datetime,
    ) -> Plan:
        """Register a plan as issued (Sở Nội vụ or the importer)."""
        if not actor.oversees:
            raise NotPermitted(f"chỉ Sở Nội vụ được đăng ký kế hoạch ({actor.agency})")
        if not 2000 <= year <= 2100:
            raise InvalidValue(f"kế hoạch {number}: năm {year} không hợp lệ")
        if not clean(province):
            raise InvalidValue(f"kế hoạch {number}: cần có tên tỉnh")
        return cls(
            number=plan_number(number),
            title=clean(title),
            issuer=clean(issuer),
            province=clean(province),
            issued_on=issued_on,
            year=year,
            indices=tuple(dict.fromkeys(indices)),
            actor=actor,
            timestamp=at,
        )

    @event(Registered)
    def __init__(
        self,
        *,
        number: str,
        title: str,
        issuer: str,
        province: str,
        issued_on: date | None,
        year: int,
        indices: tuple[Index, ...],
        actor: Actor,
        timestamp: datetime,
    ) -> None:
        self.number = number
        self.title = title
        self.issuer = issuer
        self.province = province
        self.issued_on = issued_on
        self.year = year
        self.indices = tuple(Index(i) for i in indices)
        self.obligations: dict[str, Obligation] = {}
        self.input_days = INPUT_DAYS

    def set_input_days(self, days: int, reason: str, actor: Actor, at: datetime) -> None:
        """Sở Nội vụ sets the coordinating bodies' internal deadline for this plan."""
        if not actor.oversees:
            raise NotPermitted(f"chỉ Sở Nội vụ được đặt hạn gửi ý kiến phối hợp ({actor.agency})")
        if not 0 <= days <= 30:
            raise InvalidValue(
                f"kế hoạch {self.number}: hạn gửi ý kiến phối hợp phải từ 0 đến 30 ngày làm việc "
                f"trước hạn của cơ quan chủ trì, không phải {days}"
            )
        if not clean(reason):
            raise InvalidValue(f"kế hoạch {self.number}: cần nêu lý do đổi hạn gửi ý kiến")
        self._input_days_set(days=days, reason=clean(reason), actor=actor, timestamp=at)

    @event(InputDaysSet)
    def _input_days_set(self, *, days: int, reason: str, actor: Actor, timestamp: datetime) -> None:
        self.input_days = days

    def add_obligation(self, obligation: Obligation, actor: Actor, at: datetime) -> None:
        if not actor.oversees:
            raise NotPermitted(f"chỉ Sở Nội vụ được thêm yêu cầu của kế hoạch ({actor.agency})")
        if obligation.key in self.obligations:
            raise InvalidValue(f"kế hoạch {self.number}: đã có yêu cầu '{obligation.key}'")
        if not clean(obligation.text) or not obligation.responsible:
            raise InvalidValue(
                f"kế hoạch {self.number}: yêu cầu '{obligation.key}' "
                "cần nội dung và cơ quan thực hiện"
            )
        self._obligation_added(obligation=obligation, actor=actor, timestamp=at)

    def withdraw_obligation(self, key: str, reason: str, actor: Actor, at: datetime) -> None:
        if not actor.oversees:
            raise NotPermitted(f"chỉ Sở Nội vụ được bỏ yêu cầu của kế hoạch ({actor.agency})")
        if key not in self.obligations:
            raise InvalidValue(f"kế hoạch {self.number}: không có yêu cầu '{key}'")
        self._obligation_withdrawn(key=key, reason=clean(reason), actor=actor, timestamp=at)

    @event(ObligationAdded)
    def _obligation_added(
        self, *, obligation: Obligation, actor: Actor, timestamp: datetime
    ) -> None:
        self.obligations[obligation.key] = obligation

    @event(ObligationWithdrawn)
    def _obligation_withdrawn(
        self, *, key: str, reason: str, actor: Actor, timestamp: datetime
    ) -> None:
        del self.obligations[key]
