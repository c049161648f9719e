"""Demo accounts: one for Sở Nội vụ, staff of a few agencies and an administrator.

Passwords are generated each time the demo starts and printed, never stored in the repository.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from planner.application.planner import Planner
from planner.domain.actor import Actor, Role
from planner.domain.identity import user_id

DEMO_ACCOUNTS = (
    ("chuyen-vien.snv", "SNV", Role.MONITOR),
    ("can-bo.vpubnd", "VPUBND", Role.AGENCY),
    ("can-bo.stttt", "STTTT", Role.AGENCY),
    ("can-bo.stp", "STP", Role.AGENCY),
    ("can-bo.skhdt", "SKHDT", Role.AGENCY),
    ("quan-tri", "SNV", Role.ADMIN),
)


@dataclass(frozen=True)
class Login:
    username: str
    agency: str
    role: Role
    password: str


def demo_logins(planner: Planner) -> list[Login]:
    """Create the demo accounts, or give existing ones a fresh password; returns the logins."""
    admin = Actor("planner-demo", planner.settings.monitor_agency, Role.ADMIN)
    logins = []
    for username, agency, role in DEMO_ACCOUNTS:
        password = secrets.token_urlsafe(9)
        if planner.workspace.exists(user_id(username)):
            planner.users.reset_password(username, password, admin)
        else:
            planner.users.add(username, agency, role, password, admin)
        logins.append(Login(username, agency, role, password))
    return logins
