"""What an import found: the document's header, its tables, what it will store, and why not."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from planner.application.plan_document import PlanDocument
from planner.domain.import_corrections import Corrections
from planner.importer.document_header import DocumentHeader
from planner.importer.findings import Finding, Findings
from planner.importer.ledger import CellUse
from planner.importer.obligations import FoundObligation


@dataclass(frozen=True)
class ColumnSummary:
    header: str
    meaning: str
    year: int | None


@dataclass(frozen=True)
class TableSummary:
    label: str
    caption: str
    kind: str
    index: str | None
    unit_kind: str | None
    columns: tuple[ColumnSummary, ...]
    rows: int
    repeated_headers: int
    first_source: str
    last_source: str
    criteria: int
    tasks: int


@dataclass
class Party:
    """A name in the agency cells that is not simply a registered agency."""

    wording: str
    kind: str  # unknown, descriptive, qualified_group, empty_group
    codes: tuple[str, ...] = ()
    closest: tuple[str, ...] = ()
    places: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    file: str
    format: str
    header: DocumentHeader
    tables: list[TableSummary] = field(default_factory=list)
    document: PlanDocument | None = None
    lead: Counter[str] = field(default_factory=Counter)
    coordinating: Counter[str] = field(default_factory=Counter)
    parties: dict[tuple[str, str], Party] = field(default_factory=dict)
    schedules: Counter[str] = field(default_factory=Counter)
    obligations: list[FoundObligation] = field(default_factory=list)
    criteria: int = 0
    tasks: int = 0
    not_found: list[str] = field(default_factory=list)
    findings: Findings = field(default_factory=Findings)
    cells: list[CellUse] = field(default_factory=list)  # where each cell of a task table went
    corrections: Corrections = field(default_factory=Corrections)  # what the reading was given

    @property
    def errors(self) -> list[Finding]:
        return self.findings.errors

    @property
    def warnings(self) -> list[Finding]:
        return self.findings.warnings

    @property
    def kind(self) -> str:
        """'plan', 'criteria_framework' (criteria sets only), or 'none'."""
        if self.document is None:
            return "none"
        return "plan" if self.document.plan is not None else "criteria_framework"
