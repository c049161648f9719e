"""Programs' tokens as they stand: whom each acts for, until when, and whether it was revoked."""

from __future__ import annotations

from eventsourcing.dispatch import singledispatchmethod

from planner.domain.api_token import ApiToken
from planner.projections.projection import Projection
from planner.projections.schema import api_tokens


class ApiTokenCatalog(Projection):
    tables = (api_tokens,)
    events = (ApiToken.Event,)
    stamp = "api_tokens"

    def __init__(self) -> None:
        super().__init__()
        self.tokens = self.buffer(api_tokens, "token_id")

    @singledispatchmethod
    def apply(self, domain_event: object) -> None:
        """Events this view does not handle leave it unchanged."""

    @apply.register
    def _(self, event: ApiToken.Issued) -> None:
        self.tokens.put(
            {
                "token_id": event.originator_id,
                "name": event.name,
                "agency": event.agency,
                "role": str(event.role),
                "secret_hash": event.secret_hash,
                "expires_on": event.expires_on,
                "issued_at": event.timestamp,
                "issued_by": event.actor.user,
                "revoked_at": None,
                "version": event.originator_version,
            }
        )

    @apply.register
    def _(self, event: ApiToken.Revoked) -> None:
        (row,) = self.tokens.find(token_id=event.originator_id)
        self.tokens.put({**row, "revoked_at": event.timestamp, "version": event.originator_version})
