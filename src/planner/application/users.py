"""Accounts: administrators add, reset and disable them; people sign in with them."""

from __future__ import annotations

from uuid import UUID

from planner.application.errors import AlreadyExists, NotFound
from planner.application.passwords import hash_password, verify_password
from planner.application.workspace import Workspace
from planner.domain.actor import Actor, Role
from planner.domain.identity import user_id
from planner.domain.user import User, check_username
from planner.queries.users import UserView


class UserService:
    def __init__(self, workspace: Workspace, monitor_agency: str) -> None:
        self.workspace = workspace
        self.monitor_agency = monitor_agency

    def add(self, username: str, agency: str, role: Role, password: str, actor: Actor) -> UUID:
        name = check_username(username)
        if self.workspace.exists(user_id(name)):
            raise AlreadyExists(f"tài khoản {name} đã có")
        user = User.add(
            username=name,
            agency=self.workspace.active_agency(agency),
            role=role,
            password_hash=hash_password(password),
            monitor_agency=self.monitor_agency,
            actor=actor,
            at=self.workspace.clock.now(),
        )
        self.workspace.save(user, what=f"tài khoản {name}")
        return user.id

    def reset_password(self, username: str, password: str, actor: Actor) -> None:
        user = self._load(username)
        user.reset_password(hash_password(password), actor, self.workspace.clock.now())
        self.workspace.save(user, what=f"tài khoản {user.username}")

    def disable(self, username: str, reason: str, actor: Actor) -> None:
        user = self._load(username)
        user.disable(reason, actor, self.workspace.clock.now())
        self.workspace.save(user, what=f"tài khoản {user.username}")

    def enable(self, username: str, reason: str, actor: Actor) -> None:
        user = self._load(username)
        user.enable(reason, actor, self.workspace.clock.now())
        self.workspace.save(user, what=f"tài khoản {user.username}")

    def sign_out(self, username: str, actor: Actor) -> None:
        """End every session and token the user holds, in every server process."""
        user = self._load(username)
        user.sign_out(actor, self.workspace.clock.now())
        self.workspace.save(user, what=f"tài khoản {user.username}")

    def authenticate(self, username: str, password: str) -> UserView | None:
        """The active account with this name and password; None for any mismatch."""
        found = self.workspace.views.credentials(username)
        if found is None:
            verify_password(None, password)  # as slow as a wrong password: names stay secret
            return None
        if not verify_password(found.password_hash, password) or not found.user.active:
            return None
        return found.user

    def actor(self, user: UserView) -> Actor:
        """The signed-in user as the domain knows them, carrying on their agency's predecessors."""
        return self.workspace.actor(user.username, user.agency, Role(user.role))

    def _load(self, username: str) -> User:
        name = check_username(username)
        try:
            return self.workspace.load(User, user_id(name), f"tài khoản {name}")
        except NotFound:
            raise NotFound(f"không có tài khoản '{name}'") from None
