"""A refused value whose place in the request is known, so the API can name the field."""

from __future__ import annotations

from planner.domain.errors import InvalidValue


class FieldInvalid(InvalidValue):
    def __init__(self, message: str, loc: list[str]) -> None:
        super().__init__(message)
        self.loc = loc
