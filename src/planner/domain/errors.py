"""Errors the domain raises; each message names what is wrong and where, in Vietnamese."""


class DomainError(Exception):
    """A rule of the plans was broken; nothing was recorded."""

    code = "domain_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    """An id, plan number or agency code that does not exist."""

    code = "not_found"


class InvalidValue(DomainError):
    """A value could not be read (a date, points, a criterion code...)."""

    code = "invalid_value"


class InvalidTransition(DomainError):
    """A status change the task's lifecycle does not allow."""

    code = "invalid_transition"


class NotPermitted(DomainError):
    """The actor may not make this change (another agency's task, a missing role)."""

    code = "not_permitted"


class UnknownOccurrence(DomainError):
    """A recurring task was addressed with an occurrence it does not have."""

    code = "unknown_occurrence"


class UnknownAgency(DomainError):
    """A name that matches no agency or collective name in the registry."""

    code = "unknown_agency"

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f" (có phải: {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"không có cơ quan '{name}' trong danh mục{hint}")
        self.name = name
        self.suggestions = suggestions


class UnknownPart(UnknownOccurrence):
    """A task led by several bodies was addressed for a body that has no part in it."""

    code = "unknown_part"
