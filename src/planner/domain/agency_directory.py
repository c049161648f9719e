"""Finding agencies by the names documents use, and following reorganisations to successors."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from planner.domain.agency_registry import GROUPS, AgencyGroup
from planner.domain.errors import UnknownAgency
from planner.domain.text import name_key


@dataclass(frozen=True)
class AgencyRecord:
    """What the directory needs to know about one agency."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    active: bool = True
    carried_by: str | None = None


class AgencyDirectory:
    def __init__(self, agencies: Iterable[AgencyRecord], groups: Iterable[AgencyGroup] = GROUPS):
        self.agencies = {a.code: a for a in agencies}
        self.groups = {g.code: g for g in groups}
        self._names: dict[str, str] = {}
        for agency in self.agencies.values():
            for name in (agency.code, agency.name, *agency.aliases):
                self._names.setdefault(name_key(name), agency.code)
        self._group_names = {
            name_key(name): group.code
            for group in self.groups.values()
            for name in (group.code, group.name, *group.aliases)
        }

    def with_aliases(self, names: Iterable[tuple[str, str]]) -> AgencyDirectory:
        """The same registry where each (name, code) finds the agency `code`: a person's
        word on a name wins over the registry's own reading of it."""
        mapped = [(name, code) for name, code in names if code in self.agencies]
        records = [
            replace(a, aliases=(*a.aliases, *(n for n, c in mapped if c == a.code)))
            for a in self.agencies.values()
        ]
        found = AgencyDirectory(records, self.groups.values())
        for name, code in mapped:
            found._names[name_key(name)] = code
        return found

    def find(self, name: str) -> str | None:
        """The code of the agency called `name` (its code, name or an alias), if known."""
        return self._names.get(name_key(name))

    def code(self, name: str) -> str:
        """The code of the agency called `name`; an unknown name is refused with the closest."""
        if found := self.find(name):
            return found
        raise UnknownAgency(name, self.closest(name))

    def resolve(self, name: str) -> tuple[str, ...]:
        """Codes for a name: one agency, or every member of a collective name."""
        if code := self.find(name):
            return (code,)
        if group := self.find_group(name):
            return self.members(group)
        raise UnknownAgency(name, self.closest(name))

    def find_group(self, name: str) -> str | None:
        return self._group_names.get(name_key(name))

    def members(self, group: str) -> tuple[str, ...]:
        """Active agencies in a group, in registry order."""
        return tuple(a.code for a in self.agencies.values() if group in a.groups and a.active)

    def closest(self, name: str, count: int = 3) -> list[str]:
        """Known names that look like `name`, to suggest when it is not found."""
        candidates = {
            name_key(n): n for a in self.agencies.values() for n in (a.code, a.name, *a.aliases)
        }
        key = name_key(name)
        # A mistyped code shares few letters with any name: look wider before giving up.
        matches = difflib.get_close_matches(
            key, list(candidates), n=count, cutoff=0.6
        ) or difflib.get_close_matches(key, list(candidates), n=count, cutoff=0.4)
        return [candidates[m] for m in matches]

    def successor(self, code: str) -> str:
        """The body that carries on `code`'s work today, following every reorganisation."""
        seen = {code}
        current = code
        while (next_code := self._carried_by(current)) is not None and next_code not in seen:
            seen.add(next_code)
            current = next_code
        return current

    def predecessors(self, code: str) -> frozenset[str]:
        """Every earlier body whose work `code` now carries on."""
        return frozenset(c for c in self.agencies if c != code and self.successor(c) == code)

    def _carried_by(self, code: str) -> str | None:
        agency = self.agencies.get(code)
        return agency.carried_by if agency else None
