"""Signed, expiring tokens naming a user and the password they signed in with.

The same token is the page session (an HttpOnly cookie) and the API's bearer token. It names
the version of the account it was issued under: setting a password, signing out and locking the
account each start a new one (in the store, so every process knows), and void older tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer


@dataclass(frozen=True)
class TokenClaims:
    username: str
    sessions_version: int


class Tokens:
    def __init__(self, secret: str, lifetime_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="planner.session")
        self.lifetime_seconds = lifetime_seconds

    def issue(self, claims: TokenClaims) -> str:
        return self._serializer.dumps([claims.username, claims.sessions_version])

    def read(self, token: str) -> TokenClaims | None:
        """The claims of a genuine, unexpired token; None for anything else."""
        try:
            value = self._serializer.loads(token, max_age=self.lifetime_seconds)
        except BadSignature:
            return None
        match value:
            case [str(username), int(version)]:
                return TokenClaims(username, version)
        return None
