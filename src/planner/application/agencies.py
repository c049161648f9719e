"""Commands on the agency registry, including reorganisations."""

from __future__ import annotations

from datetime import date

from planner.application.errors import AlreadyExists, NotFound
from planner.application.workspace import Workspace
from planner.domain.actor import Actor
from planner.domain.agency import Agency, AgencyKind, AgencyState, check_code
from planner.domain.agency_registry import DEFAULT_AGENCIES
from planner.domain.identity import agency_id
from planner.domain.task import Task
from planner.domain.vietnam_time import local_date


class AgencyService:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def register(
        self,
        code: str,
        name: str,
        kind: AgencyKind,
        actor: Actor,
        *,
        aliases: tuple[str, ...] = (),
        parent: str | None = None,
        emails: tuple[str, ...] = (),
        groups: tuple[str, ...] = (),
    ) -> str:
        code = check_code(code)
        if self.workspace.exists(agency_id(code)):
            raise AlreadyExists(f"cơ quan mã {code} đã có trong danh mục")
        if parent:
            self._require(parent)
        now = self.workspace.clock.now()
        agency = Agency.register(
            code=code,
            name=name,
            kind=kind,
            aliases=aliases,
            parent=parent,
            emails=emails,
            groups=groups,
            actor=actor,
            at=now,
        )
        joined = self._joined_tasks(code, groups, actor)
        self.workspace.save(agency, *joined, what=f"cơ quan {code}")
        return code

    def register_defaults(self, actor: Actor) -> int:
        """Add the usual provincial bodies that are not registered yet; returns how many."""
        now = self.workspace.clock.now()
        missing = [
            Agency.register(
                code=entry.code,
                name=entry.name,
                kind=entry.kind,
                aliases=entry.aliases,
                groups=entry.groups,
                actor=actor,
                at=now,
            )
            for entry in DEFAULT_AGENCIES
            if not self.workspace.exists(agency_id(entry.code))
        ]
        if missing:
            self.workspace.save(*missing, what="danh mục cơ quan")
        return len(missing)

    def rename(self, code: str, name: str, reason: str, actor: Actor) -> None:
        agency = self._require(code)
        agency.rename(name, reason, actor, self.workspace.clock.now())
        self.workspace.save(agency, what=f"cơ quan {code}")

    def set_emails(self, code: str, emails: tuple[str, ...], actor: Actor) -> None:
        agency = self._require(code)
        agency.set_emails(emails, actor, self.workspace.clock.now())
        self.workspace.save(agency, what=f"cơ quan {code}")

    def set_aliases(self, code: str, aliases: tuple[str, ...], actor: Actor) -> None:
        agency = self._require(code)
        agency.set_aliases(aliases, actor, self.workspace.clock.now())
        self.workspace.save(agency, what=f"cơ quan {code}")

    def set_groups(self, code: str, groups: tuple[str, ...], actor: Actor) -> None:
        agency = self._require(code)
        joining = tuple(g for g in groups if g not in agency.groups)
        agency.set_groups(groups, actor, self.workspace.clock.now())
        joined = self._joined_tasks(agency.code, joining, actor)
        self.workspace.save(agency, *joined, what=f"cơ quan {code}")

    def _joined_tasks(self, code: str, groups: tuple[str, ...], actor: Actor) -> list[Task]:
        """Work given to a group the body joins today: it leads the occurrences still to come
        ("UBND cấp huyện" and a district created this year)."""
        now = self.workspace.clock.now()
        joined: list[Task] = []
        for group in groups:
            for task_id in self.workspace.views.tasks_given_to(group):
                task = self.workspace.load(Task, task_id, "nhiệm vụ")
                if task.join_lead(code, group, local_date(now), actor, now):
                    joined.append(task)
        return joined

    def merge(self, code: str, into: str, effective_on: date, reason: str, actor: Actor) -> None:
        agency, successor = self._require(code), self._require_active(into)
        agency.merge_into(successor.code, effective_on, reason, actor, self.workspace.clock.now())
        self.workspace.save(agency, what=f"cơ quan {code}")

    def split(
        self,
        code: str,
        successors: tuple[str, ...],
        carried_by: str,
        effective_on: date,
        reason: str,
        actor: Actor,
    ) -> None:
        agency = self._require(code)
        codes = tuple(self._require_active(s).code for s in successors)
        heir = check_code(carried_by)
        agency.split(codes, heir, effective_on, reason, actor, self.workspace.clock.now())
        self.workspace.save(agency, what=f"cơ quan {code}")

    def dissolve(
        self, code: str, successor: str | None, effective_on: date, reason: str, actor: Actor
    ) -> None:
        agency = self._require(code)
        heir = self._require_active(successor).code if successor else None
        agency.dissolve(heir, effective_on, reason, actor, self.workspace.clock.now())
        self.workspace.save(agency, what=f"cơ quan {code}")

    def _require(self, code: str) -> Agency:
        checked = check_code(code)
        try:
            return self.workspace.load(Agency, agency_id(checked), f"cơ quan {checked}")
        except NotFound:
            hints = self.workspace.views.directory().closest(code)
            hint = f" (có phải: {', '.join(hints)}?)" if hints else ""
            raise NotFound(f"không có cơ quan mã {checked} trong danh mục{hint}") from None

    def _require_active(self, code: str) -> Agency:
        agency = self._require(code)
        if agency.state is not AgencyState.ACTIVE:
            raise NotFound(f"cơ quan {agency.code} {agency.state.label}, không thể kế thừa")
        return agency
