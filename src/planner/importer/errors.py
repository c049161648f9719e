"""What the importer refuses before reading any table."""

from planner.domain.errors import DomainError


class UnreadableDocument(DomainError):
    """The file is not a document planner can read (empty, broken, or not text at all)."""

    code = "unreadable_document"
