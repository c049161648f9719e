"""Signed, expiring tokens naming a user and the password they signed in with.

The same token is the page session (an HttpOnly cookie) and the API's bearer token. It names
the version of the account it was issued under: setting a password, signing out and locking the
account each start a new one (in the store, so every process knows), and void older tokens.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from threading import Lock

from itsdangerous import BadSignature, URLSafeTimedSerializer


@dataclass(frozen=True)
class TokenClaims:
    username: str
    sessions_version: int


# Genuine tokens seen lately: checking a signature cost a twelfth of a request, and the same
# few tokens come with every request of a province's staff.
KEPT_TOKENS = 4096


class Tokens:
    def __init__(
        self, secret: str, lifetime_seconds: int, clock: Callable[[], float] = time.time
    ) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="planner.session")
        self.lifetime_seconds = lifetime_seconds
        self._genuine: OrderedDict[str, tuple[TokenClaims, float]] = OrderedDict()
        self._lock = Lock()
        self._clock = clock

    def issue(self, claims: TokenClaims) -> str:
        return self._serializer.dumps([claims.username, claims.sessions_version])

    def read(self, token: str) -> TokenClaims | None:
        """The claims of a genuine, unexpired token; None for anything else."""
        with self._lock:
            kept = self._genuine.get(token)
            if kept is not None:
                self._genuine.move_to_end(token)
        if kept is not None:
            claims, expires_at = kept
            return claims if self._clock() <= expires_at else None
        return self._check(token)

    def _check(self, token: str) -> TokenClaims | None:
        try:
            value, signed_at = self._serializer.loads(
                token, max_age=self.lifetime_seconds, return_timestamp=True
            )
        except BadSignature:
            return None
        match value:
            case [str(username), int(version)]:
                claims = TokenClaims(username, version)
            case _:
                return None
        with self._lock:
            self._genuine[token] = (claims, signed_at.timestamp() + self.lifetime_seconds)
            if len(self._genuine) > KEPT_TOKENS:
                self._genuine.popitem(last=False)
        return claims
