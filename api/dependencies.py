"""What every request handler is given: the planner, the signed-in user, and the file store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.auth.throttle import LoginThrottle
from api.auth.tokens import TokenClaims, Tokens
from api.settings import WebSettings
from planner.application.api_tokens import is_api_token, secret_hash
from planner.application.clock import today
from planner.application.planner import Planner
from planner.application.reminders import ReminderService
from planner.domain.actor import Actor
from planner.domain.errors import NotPermitted
from planner.queries.users import UserView
from planner.storage.evidence_files import EvidenceFiles

SESSION_COOKIE = "planner_session"


@dataclass
class Web:
    planner: Planner
    settings: WebSettings
    tokens: Tokens
    throttle: LoginThrottle
    files: EvidenceFiles
    reminders: ReminderService


@dataclass(frozen=True)
class SignedIn:
    user: UserView
    actor: Actor


class NotSignedIn(Exception):
    """No valid session or bearer token came with the request."""


async def web(request: Request) -> Web:
    """Async: FastAPI would hand a plain function to its thread pool, a hop per request."""
    found: Web = request.app.state.web
    return found


WebDep = Annotated[Web, Depends(web)]


def signed_in_with(web: Web, token: str | None) -> SignedIn:
    """The user a token names, if it is genuine, unexpired, the account active, and neither
    password nor lock changed nor the user signed out since it was issued."""
    with web.planner.views.one_reading():  # the account and the directory: one stamp read
        return _signed_in_with(web, token)


def _signed_in_with(web: Web, token: str | None) -> SignedIn:
    if token and is_api_token(token):
        return _program(web, token)
    claims = web.tokens.read(token) if token else None
    if claims is None:
        raise NotSignedIn
    found = web.planner.views.credentials(claims.username)
    if found is None or not found.user.active:
        raise NotSignedIn
    if found.user.sessions_version != claims.sessions_version:
        raise NotSignedIn
    return SignedIn(found.user, web.planner.users.actor(found.user))


def _program(web: Web, token: str) -> SignedIn:
    """A program signed in with its token, if the token is known, unexpired and not revoked."""
    found = web.planner.views.api_token(secret_hash(token))
    if found is None or not found.valid_on(today(web.planner.workspace.clock)):
        raise NotSignedIn
    user = UserView(
        username=f"token:{found.name}",
        user_id=found.token_id,
        agency=found.agency,
        role=found.role,
        active=True,
        sessions_version=found.version,
        version=found.version,
    )
    return SignedIn(user, web.planner.users.actor(user))


def issue_token(web: Web, user: UserView) -> str:
    return web.tokens.issue(TokenClaims(user.username, user.sessions_version))


_bearer = HTTPBearer(auto_error=False, description="Token từ POST /api/token")


def api_user(
    request: Request,
    web: WebDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> SignedIn:
    signed = signed_in_with(web, credentials.credentials if credentials else None)
    request.state.me = signed  # named in the request's log line
    return signed


def page_user(request: Request, web: WebDep) -> SignedIn:
    signed = signed_in_with(web, request.cookies.get(SESSION_COOKIE))
    request.state.me = signed
    return signed


ApiUser = Annotated[SignedIn, Depends(api_user)]
PageUser = Annotated[SignedIn, Depends(page_user)]


def require_monitor(signed: SignedIn) -> None:
    """Sở Nội vụ's and administrators' views of the whole province."""
    if not (signed.actor.oversees or signed.actor.administers):
        raise NotPermitted(
            f"{signed.user.username} ({signed.actor.agency}) không có quyền: chỉ Sở Nội vụ và "
            "quản trị viên xem được số liệu của toàn tỉnh"
        )
