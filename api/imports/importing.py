"""Reading an uploaded document and storing it, as `planner import` does, for pages and API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.datastructures import UploadFile

from api.dependencies import SignedIn, Web
from api.imports.staging import StagedDocument, StagedImports
from api.uploads import chunks
from planner.application.imports import StoreOutcome
from planner.domain.errors import NotPermitted
from planner.domain.import_corrections import NO_CORRECTIONS, Corrections
from planner.domain.import_record import ImportRecord
from planner.importer.corrected_reading import read_corrected
from planner.importer.document_file import read_document_bytes
from planner.importer.errors import UnreadableDocument
from planner.importer.report import ImportReport
from planner.presentation.import_document import report_json
from planner.presentation.json_document import to_json

STAGING_FOLDER = "imports"


@dataclass(frozen=True)
class Imported:
    """The document read, and what was (or, for a dry run, would be) stored."""

    staged: StagedDocument
    report: ImportReport
    outcome: StoreOutcome | None
    dry_run: bool
    kept: ImportRecord | None = None  # corrections an earlier import recorded for the document

    @property
    def refused(self) -> bool:
        """Nothing can be stored: the document has errors or is not a plan at all."""
        return bool(self.report.errors) or self.outcome is None

    @property
    def changed_nothing(self) -> bool:
        return self.outcome is not None and self.outcome.events == 0

    def as_json(self) -> dict[str, Any]:
        """The object `planner import --json` prints, and the upload's id for the confirmation."""
        found = report_json(self.report, self.outcome, self.dry_run, self.kept)
        plain: dict[str, Any] = to_json({**found, "import_id": self.token})
        return plain

    @property
    def token(self) -> str | None:
        return self.staged.token if self.dry_run and not self.refused else None


def require_import_rights(signed: SignedIn) -> None:
    if not signed.actor.oversees:
        raise NotPermitted(
            f"{signed.user.username} ({signed.actor.agency}) không được nhập kế hoạch; "
            "chỉ chuyên viên Sở Nội vụ (vai trò theo dõi)"
        )


def staging(web: Web) -> StagedImports:
    return StagedImports(web.settings.files_dir / STAGING_FOLDER, web.settings.max_upload_bytes)


def stage_upload(
    web: Web, signed: SignedIn, upload: UploadFile, corrections: Corrections = NO_CORRECTIONS
) -> StagedDocument:
    owner = signed.user.username
    return staging(web).stage(chunks(upload), upload.filename or "", owner, corrections)


def import_staged(web: Web, signed: SignedIn, staged: StagedDocument, dry_run: bool) -> Imported:
    """Read and check the whole document; unless a dry run, store it in one save."""
    try:
        source = read_document_bytes(staged.data, staged.name)
    except UnreadableDocument:
        staging(web).discard(staged.token)
        raise
    planner = web.planner
    reading = read_corrected(source, planner.imports, planner.views.directory(), staged.corrections)
    reason = f"nhập văn bản {staged.name}"
    outcome = reading.store(planner.imports, signed.actor, reason, dry_run)
    imported = Imported(staged, reading.report, outcome, dry_run, reading.kept)
    if not dry_run:  # a refused dry run stays, for Sở Nội vụ to correct and read again
        staging(web).discard(staged.token)
    return imported
