"""Errors of the application layer, alongside the domain's own."""

from planner.domain.errors import DomainError


class NotFound(DomainError):
    """An id, plan number or agency code that does not exist."""

    code = "not_found"


class Conflict(DomainError):
    """Someone else changed the same thing first; reload and try again."""

    code = "conflict"


class AlreadyExists(DomainError):
    code = "already_exists"
