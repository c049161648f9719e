"""Reading a whole document: header, tables, prose obligations, checks — nothing stored.

The result is an `ImportReport`: what was found, every warning and error with its place,
and, when there is no error, the `PlanDocument` to store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from planner.application.plan_document import (
    CriteriaSetEntry,
    ObligationEntry,
    PlanDocument,
    PlanHeader,
)
from planner.domain.agency_directory import AgencyDirectory
from planner.domain.criterion import Index
from planner.domain.import_corrections import NO_CORRECTIONS, Corrections, RowMark, RowRole
from planner.domain.plan import Obligation, plan_number
from planner.importer.agency_names import AgencyNames, MentionKind
from planner.importer.arithmetic import check_sums
from planner.importer.cells import prose_text
from planner.importer.corrected_layout import marked_rows, move_columns
from planner.importer.criteria_cells import framework_cells
from planner.importer.criteria_rows import CriterionLine, criterion_lines
from planner.importer.document_header import (
    DocumentHeader,
    attached_identity,
    indices_named,
    read_header,
)
from planner.importer.findings import Findings, Place
from planner.importer.framework_claims import Framework, check_claims
from planner.importer.framework_tables import criteria_set, unit_kind
from planner.importer.headers import Meaning, TableKind
from planner.importer.ledger import header_uses
from planner.importer.obligations import find_obligations
from planner.importer.report import ColumnSummary, ImportReport, TableSummary
from planner.importer.score_targets import ScoreTargets
from planner.importer.source import Origin, Paragraph, SourceDocument
from planner.importer.spelling import words_key
from planner.importer.table_rows import RowKind, TableRow, classify
from planner.importer.tables import RawTable, segment
from planner.importer.task_entries import TaskEntries
from planner.importer.task_outline import outline_drafts
from planner.importer.task_rows import TableNames, task_drafts
from planner.presentation.vietnamese import format_date

_NAME_INDICES = (("nhóm tiêu chí", Index.SIPAS), ("chỉ số nội dung", Index.PAPI))
_ATTACHED_TO = re.compile(r"kèm theo (?:kế hoạch|quyết định) số\s*(\d[^\s,)]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Identity:
    """What a person gives when the document does not state it, or states it wrongly."""

    number: str | None = None
    issued_on: date | None = None
    year: int | None = None


def read_plan_document(
    source: SourceDocument,
    directory: AgencyDirectory,
    year: int | None = None,
    identity: Identity = Identity(),
    corrections: Corrections = NO_CORRECTIONS,
) -> ImportReport:
    """Everything the document says, checked; `year` and `identity` override what it states,
    and the document is read with a person's `corrections` (identity given here wins)."""
    given = Identity(
        identity.number or corrections.number,
        identity.issued_on or corrections.issued_on,
        year or identity.year or corrections.year,
    )
    return _Reading(source, directory, given, corrections).run()


class _Reading:
    def __init__(
        self,
        source: SourceDocument,
        directory: AgencyDirectory,
        given: Identity,
        corrections: Corrections,
    ):
        self.segmented = segment(source)
        report = ImportReport(source.name, source.format, _blank_header())
        report.corrections = corrections
        self.corrections = corrections
        directory = _mapped(directory, corrections, report.findings)
        report.header = _identified(
            read_header(self.segmented.paragraphs, report.findings),
            self.segmented.paragraphs,
            given,
        )
        self.report = report
        self.header = report.header
        self.findings = report.findings
        self.directory = directory
        self.names = AgencyNames(directory, self.header.province or "")
        self.year = self.header.year or 0
        self.targets = ScoreTargets(self.findings)
        self.tasks = TaskEntries(self.names, directory, report, (self.year, self.header.issued_on))
        self.frameworks: list[Framework] = []
        self.roles: dict[Origin, RowRole] = {}  # the rows marked in the table being read
        self.marks: list[RowMark] = []  # the marks as found: at their rows, with their words

    def run(self) -> ImportReport:
        for stray in self.segmented.strays:
            first, last = stray.rows[0].origin, stray.rows[-1].origin
            self.findings.warning(
                f"bảng từ {first} đến {last} không có dòng tiêu đề nhận ra được (TT, Tiêu chí, "
                "Điểm tối đa, Nhiệm vụ…): bỏ qua",
                Place(origin=first),
            )
        sets: list[CriteriaSetEntry] = []
        for table in self.segmented.tables:
            found = self._table(table)
            if found is not None:
                sets.append(found)
        self.tasks.finish()
        check_claims(self.segmented.paragraphs, self.frameworks, self.findings)
        self._check_attachments()
        self.report.document = self._document(tuple(sets))
        tables = len(self.segmented.tables)
        beyond = [r for r in self.corrections.rows if r.table > tables]
        self.report.corrections = replace(self.corrections, rows=(*self.marks, *beyond))
        return self.report

    def _table(self, table: RawTable) -> CriteriaSetEntry | None:
        moves = [c for c in self.corrections.columns if c.table == table.number]
        if moves:
            move_columns(table, moves, self.findings)
        marks = [r for r in self.corrections.rows if r.table == table.number]
        self.roles, kept = marked_rows(table, marks, self.findings)
        self.marks.extend(kept)
        rows = classify(table.layout, table.rows, self.roles)
        lines: list[CriterionLine] = []
        if table.layout.kind is not TableKind.TASKS:
            lines = criterion_lines(table.layout, rows, table.label, self.year, self.findings)
            check_sums(lines, table.layout.percent, self.findings)
        index = self._index(table)
        found, tasks = None, 0
        if table.layout.kind is TableKind.CRITERIA_FRAMEWORK:
            found = self._framework(table, lines)
            cells = [*header_uses(table.headers), *framework_cells(table.layout, rows)]
            self.report.cells.extend(replace(c, table=table.number) for c in cells)
        else:
            tasks = self._plan_rows(table, rows, lines, index)
        criteria = len([line for line in lines if not line.is_total])
        self.report.criteria += criteria
        self.report.tasks += tasks
        self.report.tables.append(self._summary(table, rows, index, criteria, tasks))
        return found

    def _framework(self, table: RawTable, lines: list[CriterionLine]) -> CriteriaSetEntry | None:
        found = criteria_set(table, lines, self._where(), self.findings)
        if found is not None:
            self.frameworks.append(Framework(table.label, found.unit_kind, lines))
        return found

    def _plan_rows(
        self, table: RawTable, rows: list[TableRow], lines: list[CriterionLine], index: Index
    ) -> int:
        """Targets and tasks of a plan's table; returns how many tasks it has."""
        self._misplaced(rows, table.label)
        years = [c.year or self.year for c in table.layout.all(Meaning.TARGET)] or [self.year]
        self.targets.add(lines, index, years)
        if table.layout.kind is TableKind.TASKS and not table.layout.has(Meaning.ACTION):
            drafts, cells = outline_drafts(
                table, table.short_label, index, self.findings, self.roles
            )
            self.report.cells.extend(replace(c, table=table.number) for c in cells)
        else:
            names = TableNames(table.label, table.short_label)
            drafts, cells = task_drafts(
                table.layout, rows, names, self._names_agencies, self.findings
            )
            cells = [*header_uses(table.headers), *cells]
            self.report.cells.extend(replace(c, table=table.number) for c in cells)
        return self.tasks.add(drafts, index, table.layout.has(Meaning.SCHEDULE, Meaning.START))

    def _index(self, table: RawTable) -> Index:
        """Told by the criteria column ("Nhóm tiêu chí": SIPAS), the caption, percentages, or
        the one index the plan's title names."""
        name = table.layout.first(Meaning.NAME)
        words = words_key(name.header) if name else ""
        for wording, index in _NAME_INDICES:
            if wording in words:
                return index
        named = indices_named(table.caption_text)
        if named:
            return named[-1] if len(named) > 1 and table.layout.percent else named[0]
        if table.layout.percent:
            return Index.SIPAS
        return self.header.indices[0] if len(self.header.indices) == 1 else Index.PAR_INDEX

    def _names_agencies(self, text: str) -> bool:
        """A timeframe cell that holds only names of agencies or parties, no time."""
        if re.search(r"\d", text):
            return False
        found = self.names.in_cell(text)
        return bool(found) and all(m.kind is not MentionKind.UNKNOWN for m in found)

    def _misplaced(self, rows: list[TableRow], label: str) -> None:
        """'TCTP 3.4.3' listed under section IV (CẢI CÁCH TỔ CHỨC BỘ MÁY)."""
        for row in rows:
            section = row.section
            if row.kind is not RowKind.ANCHOR or row.code is None or row.relative or not section:
                continue
            if section.value is not None and row.code.parts[0] != str(section.value):
                self.findings.warning(
                    f"mã {row.code} nằm dưới mục {section.numeral} ({section.rest}), không "
                    f"phải lĩnh vực {row.code.parts[0]}: kiểm tra lại mã",
                    Place(label, row.position, None, row.origin),
                )

    def _check_attachments(self) -> None:
        """An appendix 'Kèm theo Kế hoạch số 170/KH-UBND' of plan 1800/KH-UBND."""
        number = self.header.number
        for table in self.segmented.tables:
            match = _ATTACHED_TO.search(table.caption_text)
            if number is None or match is None:
                continue
            if _digits(match.group(1)) != _digits(number):
                self.findings.warning(
                    f"{table.label} ghi kèm theo văn bản số {match.group(1)}, khác số ở đầu văn "
                    f"bản ({plan_number(number)})",
                    Place(table.label, origin=table.caption[-1].origin if table.caption else None),
                )

    def _where(self) -> tuple[str, int, str]:
        issued = f" ngày {format_date(self.header.issued_on)}" if self.header.issued_on else ""
        number = plan_number(self.header.number) if self.header.number else ""
        return self.header.province or "", self.year, f"{number}{issued}".strip()

    def _document(self, sets: tuple[CriteriaSetEntry, ...]) -> PlanDocument | None:
        header = self.header
        targets, tasks = self.targets.entries, tuple(self.tasks.entries)
        planned = bool(targets or tasks) or header.is_plan
        if not planned and not sets:
            self.findings.error(
                "không tìm thấy kế hoạch (số, ngày, 'KẾ HOẠCH'), bảng mục tiêu, nhiệm vụ hay bộ "
                "tiêu chí nào: tệp này không phải là kế hoạch"
            )
        self._require(planned or bool(sets))
        obligations = self._obligations() if planned else ()
        self._not_found(planned, bool(sets), obligations)
        if self.report.errors:
            return None
        plan = self._plan_header() if planned else None
        return PlanDocument(plan, targets, tasks, obligations, sets)

    def _require(self, anything: bool) -> None:
        if not anything:
            return
        if not self.header.number:
            self.findings.error(
                "không tìm thấy số văn bản (dòng 'Số: …', chú thích 'Kèm theo Kế hoạch số …'): "
                "hãy ghi số (--number 123/KH-UBND, hoặc ô 'Số văn bản' khi nhập trên web)"
            )
        if not self.header.province:
            self.findings.error("không tìm thấy tên tỉnh ở đầu văn bản (vd. 'Bắc Kạn, ngày …')")
        if not self.header.year:
            self.findings.error(
                "không xác định được năm của kế hoạch: hãy ghi năm "
                "(--year, hoặc ô 'Năm của kế hoạch' khi nhập trên web)"
            )

    def _obligations(self) -> tuple[ObligationEntry, ...]:
        found = find_obligations(
            self.segmented.paragraphs,
            self.names,
            self.header.year,
            self.header.issued_on,
            self.findings,
        )
        self.report.obligations = found
        entries = []
        for item in found:
            codes = tuple(dict.fromkeys(c for m in item.responsible for c in m.codes))
            if not codes:
                self.findings.warning(
                    f"yêu cầu '{item.text}' giao cho nhóm chưa có cơ quan nào trong danh mục: "
                    "chưa ghi được",
                    item.place,
                )
                continue
            obligation = Obligation(item.key, item.text, item.schedule, codes, item.report_to)
            entries.append(ObligationEntry(obligation, str(item.place)))
        return tuple(entries)

    def _not_found(
        self, planned: bool, sets: bool, obligations: tuple[ObligationEntry, ...]
    ) -> None:
        notes = self.report.not_found
        if not self.segmented.tables:
            notes.append("không có bảng nào: không có tiêu chí, mục tiêu hay nhiệm vụ để nhập")
        elif planned and not self.report.tasks:
            notes.append("không có bảng nhiệm vụ: kế hoạch không có nhiệm vụ")
        if planned and self.segmented.tables and not self.targets.entries:
            notes.append("không có bảng tiêu chí có điểm hay mục tiêu")
        if planned and not obligations:
            notes.append("phần lời văn không có yêu cầu nào có thời hạn (vd. 'trước ngày 20/6')")
        if not sets and not planned:
            notes.append("không có bộ tiêu chí")

    def _plan_header(self) -> PlanHeader:
        header = self.header
        indices = tuple(dict.fromkeys([*header.indices, *(t.index for t in self.targets.entries)]))
        return PlanHeader(
            number=plan_number(header.number or ""),
            title=header.title or prose_text(header.kind),
            issuer=header.issuer,
            province=header.province or "",
            issued_on=header.issued_on,
            year=self.year,
            indices=indices,
        )

    def _summary(
        self, table: RawTable, rows: list[TableRow], index: Index, criteria: int, tasks: int
    ) -> TableSummary:
        framework = table.layout.kind is TableKind.CRITERIA_FRAMEWORK
        kind = unit_kind(table) if framework else None
        return TableSummary(
            label=table.label,
            caption=table.caption_text,
            kind=table.layout.kind.value,
            index=None if framework else index.value,
            unit_kind=kind.value if kind else None,
            columns=tuple(
                ColumnSummary(c.header, c.meaning.value, c.year) for c in table.layout.columns
            ),
            rows=len(rows),
            repeated_headers=table.repeated_headers,
            first_source=str(table.rows[0].origin) if table.rows else "",
            last_source=str(table.rows[-1].origin) if table.rows else "",
            criteria=criteria,
            tasks=tasks,
        )


def _mapped(
    directory: AgencyDirectory, corrections: Corrections, findings: Findings
) -> AgencyDirectory:
    """The registry, where the names a person mapped find the agencies chosen for them."""
    known = [(name, code) for name, code in corrections.agencies if code in directory.agencies]
    for name, code in corrections.agencies:
        if code not in directory.agencies:
            findings.error(
                f"sửa tên cơ quan '{name}': không có cơ quan mã {code} trong danh mục "
                "(xem 'planner agency list')"
            )
    return directory.with_aliases(known) if known else directory


def _digits(number: str) -> str:
    """'2270 QĐ-UBND', '2270/QĐ-UBND' and '2270' are the same number."""
    found = re.match(r"\s*(\d+)", number)
    return found.group(1) if found else number


def _identified(
    header: DocumentHeader, paragraphs: list[Paragraph], given: Identity
) -> DocumentHeader:
    """The header, completed from an appendix caption ('Kèm theo Kế hoạch số 128/KH-UBND
    ngày 17/8/2022') where its own lines leave it blank, then from what a person gave."""
    number, issued_on = header.number, header.issued_on
    if number is None or issued_on is None:
        attached_number, attached_on = attached_identity(paragraphs)
        if number is None:
            number, issued_on = attached_number, issued_on or attached_on
        elif attached_number and _digits(attached_number) == _digits(number):
            issued_on = issued_on or attached_on
    number = given.number or number
    issued_on = given.issued_on or issued_on
    year = given.year or header.year or (issued_on.year if issued_on else None)
    return replace(header, number=number, issued_on=issued_on, year=year)


def _blank_header() -> DocumentHeader:
    return DocumentHeader("", None, None, None, "", None, ())
