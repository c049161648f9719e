"""What /api/imports answers: the import's report, as `planner import --json` prints it.

The models forbid keys they do not name, so the report and its documented schema cannot drift
apart unnoticed: the import tests would fail first.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from api.error_answers import FieldProblem


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentRead(Strict):
    kind: str = Field(description="plan, criteria, targets... : what the document holds")
    type: str = Field(description="KẾ HOẠCH, QUYẾT ĐỊNH... như văn bản ghi")
    number: str | None
    title: str
    province: str | None
    issuer: str | None
    issued_on: date | None
    year: int | None
    indices: list[str]


class SourceRange(Strict):
    from_: str = Field(alias="from")
    to: str


class ColumnRead(Strict):
    header: str
    meaning: str
    year: int | None


class TableRead(Strict):
    label: str
    caption: str
    kind: str
    index: str | None
    unit_kind: str | None
    rows: int
    repeated_headers: int
    source: SourceRange
    criteria: int
    tasks: int
    columns: list[ColumnRead]


class Counts(Strict):
    tables: int
    criteria: int
    targets: int
    tasks: int
    obligations: int
    criteria_sets: int


class Party(Strict):
    wording: str
    agencies: list[str]
    closest: list[str]
    places: list[str]


class AgenciesRead(Strict):
    lead: dict[str, int]
    coordinating: dict[str, int]
    unknown: list[Party]
    descriptive: list[Party]
    whole_group: list[Party]
    empty_group: list[Party]
    inactive: list[Party]


class Recurrence(Strict):
    every: str
    day: int | None
    month: int | None


class ObligationRead(Strict):
    key: str
    text: str
    schedule_kind: str
    schedule_text: str
    due_on: date | None
    recurrence: Recurrence | None
    responsible: list[str]
    responsible_wording: list[str]
    report_to: str | None
    source: str


class CriteriaSetRead(Strict):
    province: str
    year: int
    unit_kind: str
    title: str
    source: str
    criteria: int
    max_total: str
    survey_max: str


class Finding(Strict):
    message: str
    table: str | None
    row: int | None
    column: str | None
    source: str | None
    line: int | None
    text: str


class Cell(Strict):
    source: str
    column: int
    text: str
    field: str | None = None
    heading: str | None = None


class TaskRead(Strict):
    reference: str
    context: str
    text: str
    lead: list[str]
    lead_wording: str
    coordinating: list[str]
    coordinating_wording: str
    schedule: str
    criteria: list[str]
    source: str
    cells: list[Cell]


class RowCell(Strict):
    column: int
    text: str


class ReadAs(Strict):
    use: str
    key: str


class SourceRow(Strict):
    table: int
    source: str
    cells: list[RowCell]
    read_as: list[ReadAs]
    findings: list[str]
    mark: str | None


class ImportPreview(Strict):
    tasks: list[TaskRead]
    rows: list[SourceRow]
    headings: list[Cell]
    headers: list[Cell]
    not_stored: list[Cell]


class RowCorrection(Strict):
    table: int
    source: str
    role: str
    text: str


class ColumnCorrection(Strict):
    table: int
    heading: str
    field: str


class Corrections(Strict):
    """As `planner import --corrections` reads them, and the `corrections` form field."""

    number: str | None
    issued_on: str | None
    year: int | None
    agencies: dict[str, str]
    rows: list[RowCorrection]
    columns: list[ColumnCorrection]


class KeptCorrections(Strict):
    recorded_at: datetime
    recorded_by: str
    reason: str
    corrections: Corrections


class Stored(Strict):
    added: dict[str, int]
    changed: dict[str, int]
    unchanged: dict[str, int]
    events: int
    not_in_document: list[str]
    notes: list[str]


class ImportAnswer(Strict):
    """The import's report; `stored` is null on a dry run, `import_id` confirms one."""

    file: str
    format: str
    dry_run: bool
    document: DocumentRead
    tables: list[TableRead]
    counts: Counts
    criteria: int
    tasks: int
    agencies: AgenciesRead
    schedules: dict[str, int]
    obligations: list[ObligationRead]
    criteria_sets: list[CriteriaSetRead]
    not_found: list[str]
    warnings: list[Finding]
    errors: list[Finding]
    preview: ImportPreview
    corrections: Corrections
    corrections_kept: KeptCorrections | None
    stored: Stored | None
    import_id: str | None = Field(description="Gửi tới /api/imports/{import_id}/confirm để ghi")


class RefusedImport(ImportAnswer):
    """The usual refusal (`code`, `message`, `detail`) with the report that explains it."""

    code: str
    message: str
    detail: list[FieldProblem]


class StatusReportAnswer(Strict):
    plan: str
    dry_run: bool
    recorded: list[str]
    unchanged: list[str]
    findings: list[str]
