"""Cấp và thu hồi token cho chương trình: the secret is made here, shown once, stored hashed."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date
from uuid import UUID

from planner.application.errors import AlreadyExists, NotFound
from planner.application.workspace import Workspace
from planner.domain.actor import Actor, Role
from planner.domain.api_token import ApiToken, api_token_id

PREFIX = "planner_"  # tells a program's token from a person's session at a glance


def secret_hash(token: str) -> str:
    """What the store keeps of a token: the SHA-256 of the whole string (it is random, and long
    enough that a slow password hash would add nothing but time to every request)."""
    return hashlib.sha256(token.encode()).hexdigest()


def is_api_token(text: str) -> bool:
    return text.startswith(PREFIX)


class ApiTokenService:
    def __init__(self, workspace: Workspace, monitor_agency: str) -> None:
        self.workspace = workspace
        self.monitor_agency = monitor_agency

    def issue(self, name: str, agency: str, role: Role, expires_on: date, actor: Actor) -> str:
        """The new token, to be handed to the program now: it cannot be shown again."""
        if self.workspace.exists(api_token_id(name)):
            raise AlreadyExists(f"đã có token tên '{name}'")
        token = PREFIX + secrets.token_urlsafe(32)
        issued = ApiToken.issue(
            name=name,
            agency=self.workspace.active_agency(agency),
            role=role,
            secret_hash=secret_hash(token),
            expires_on=expires_on,
            monitor_agency=self.monitor_agency,
            actor=actor,
            at=self.workspace.clock.now(),
        )
        self.workspace.save(issued, what=f"token {issued.name}")
        return token

    def revoke(self, name: str, reason: str, actor: Actor) -> None:
        token = self._load(api_token_id(name), name)
        token.revoke(reason, actor, self.workspace.clock.now())
        self.workspace.save(token, what=f"token {token.name}")

    def _load(self, token_id: UUID, name: str) -> ApiToken:
        try:
            return self.workspace.load(ApiToken, token_id, f"token {name}")
        except NotFound:
            raise NotFound(f"không có token tên '{name}'") from None
