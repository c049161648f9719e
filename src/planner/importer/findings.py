"""Warnings and errors of an import, each naming the table, row, column and source line."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from planner.importer.source import Origin


class Severity(StrEnum):
    ERROR = "error"  # the document cannot be stored as it is
    WARNING = "warning"  # stored, but someone should look


@dataclass(frozen=True)
class Place:
    """Where in the document: 'Phụ lục 2', its 5th row, column 'Điểm tối đa', line 159."""

    table: str | None = None
    row: int | None = None
    column: str | None = None
    origin: Origin | None = None

    def at_column(self, column: str) -> Place:
        return replace(self, column=column)

    def __str__(self) -> str:
        parts = [p for p in (self.table, str(self.origin) if self.origin else None) if p]
        column = f" (cột '{self.column}')" if self.column else ""
        return ", ".join(parts) + column


@dataclass(frozen=True)
class Finding:
    severity: Severity
    message: str
    place: Place = field(default_factory=Place)

    def __str__(self) -> str:
        where = str(self.place)
        return f"{where}: {self.message}" if where else self.message


@dataclass
class Findings:
    items: list[Finding] = field(default_factory=list)

    def error(self, message: str, place: Place | None = None) -> None:
        self.items.append(Finding(Severity.ERROR, message, place or Place()))

    def warning(self, message: str, place: Place | None = None) -> None:
        self.items.append(Finding(Severity.WARNING, message, place or Place()))

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.items if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.items if f.severity is Severity.WARNING]
