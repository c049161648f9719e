"""Reading a document with the corrections kept for it and those a person gives now.

Kept corrections are found by the document's number or the layout of its tables; what a
person gives now wins over them, field by field (a row marked again, an agency mapped again).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.application.imports import ImportService, Progress, StoreOutcome
from planner.domain.actor import Actor
from planner.domain.agency_directory import AgencyDirectory
from planner.domain.import_corrections import NO_CORRECTIONS, Corrections
from planner.domain.import_record import ImportRecord
from planner.importer.document_keys import DocumentKeys, document_keys
from planner.importer.reading import read_plan_document
from planner.importer.report import ImportReport
from planner.importer.source import SourceDocument


@dataclass(frozen=True)
class CorrectedReading:
    report: ImportReport
    keys: DocumentKeys
    kept: ImportRecord | None  # found for this document from an earlier import
    forgotten: bool = False  # the kept corrections were set aside: storing replaces them

    @property
    def corrections(self) -> Corrections:
        return self.report.corrections

    def store(
        self,
        imports: ImportService,
        actor: Actor,
        reason: str,
        dry_run: bool,
        progress: Progress | None = None,
    ) -> StoreOutcome | None:
        """Store the document with the corrections in force; None when it cannot be stored."""
        if self.report.document is None:
            return None
        return imports.store(
            self.report.document,
            actor,
            reason=reason,
            dry_run=dry_run,
            progress=progress,
            corrections=self.corrections,
            keys=self.keys.recorded(self.report.header),
            replace_kept=self.forgotten and self.kept is not None,
        )


def read_corrected(
    source: SourceDocument,
    imports: ImportService,
    directory: AgencyDirectory,
    given: Corrections = NO_CORRECTIONS,
    forget: bool = False,
) -> CorrectedReading:
    """The number, date and year a person types are corrections like the others: kept too.
    `forget`: the kept corrections were wrong; read with `given` alone, and keep only those."""
    keys = document_keys(source)
    kept = imports.kept_corrections(keys.lookup)
    corrections = given.over(kept.corrections) if kept is not None and not forget else given
    report = read_plan_document(source, directory, corrections=corrections)
    return CorrectedReading(report, keys, kept, forget)
