"""Who makes a change: a user of an agency acting in a role."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    AGENCY = "agency"  # staff of a sở, ban, ngành or UBND: updates the tasks it leads
    MONITOR = "monitor"  # Sở Nội vụ: registers plans and targets, oversees every task
    ADMIN = "admin"  # manages users and agencies
    SYSTEM = "system"  # the importer, the demo loader, the scheduler


@dataclass(frozen=True)
class Actor:
    """The acting user; `represents` lists earlier bodies whose work this agency carries on."""

    user: str
    agency: str
    role: Role
    represents: frozenset[str] = field(default_factory=frozenset)

    @property
    def oversees(self) -> bool:
        """Sở Nội vụ and the system may act on any task."""
        return self.role in (Role.MONITOR, Role.SYSTEM)

    @property
    def administers(self) -> bool:
        return self.role in (Role.ADMIN, Role.SYSTEM)

    def speaks_for(self, agencies: Iterable[str]) -> bool:
        """True when the actor's agency, or a body it succeeded, is among `agencies`."""
        own = {self.agency, *self.represents}
        return any(code in own for code in agencies)
