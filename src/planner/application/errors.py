"""Errors of the application layer, alongside the domain's own (NotFound, which the views
raise too, is one of those)."""

from planner.domain.errors import DomainError, NotFound

__all__ = ["AlreadyExists", "Conflict", "NotFound"]


class Conflict(DomainError):
    """Someone else changed the same thing first; reload and try again."""

    code = "conflict"


class AlreadyExists(DomainError):
    code = "already_exists"
