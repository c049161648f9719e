"""The tasks of a table, as its rows lay them out.

Word tables merge cells down over several rows, and their exports write the text in the
first row only. So an empty agency or timeframe cell under a task continues the one above
(within the same area), and a criterion row with no task of its own is served by the task
above it. Rows without a number continue the numbered row above: another task, another
lead agency for the task above ("another lead agency under the row above"), or the task's
text wrapped onto the next line. When a cell lists several paragraphs and as many agency
rows follow, the paragraphs are separate tasks, one per agency row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from planner.domain.criterion import CriterionCode, CriterionRef
from planner.importer.cells import paragraphs
from planner.importer.criteria_rows import SURVEY
from planner.importer.findings import Findings, Place
from planner.importer.headers import POINT_MEANINGS, Column, Layout, Meaning
from planner.importer.ledger import CellUse, Use
from planner.importer.source import Origin
from planner.importer.spelling import words_key
from planner.importer.table_rows import RowKind, TableRow

_AGENCY_CELLS = (Meaning.LEAD, Meaning.COORDINATING)
_INHERITED = (Meaning.LEAD, Meaning.COORDINATING, Meaning.SCHEDULE)  # merged down in Word
_OWN = (*_INHERITED, Meaning.OUTPUT)
_BULLETS = re.compile(r"(?:^|(?<=[.;:]))\s*-\s+")
_CRITERION_CELLS = (Meaning.NUMBER, Meaning.NAME, *POINT_MEANINGS)
_FIELD_NAMES = {
    Meaning.TASK: "text",
    Meaning.ACTION: "text",
    Meaning.LEAD: "lead",
    Meaning.COORDINATING: "coordinating",
    Meaning.SCHEDULE: "schedule",
    Meaning.OUTPUT: "output",
}


@dataclass
class TaskDraft:
    """A task as the table writes it, before its agencies and timeframe are read."""

    reference: str
    paragraphs: list[str]
    criteria: list[CriterionCode]
    place: Place
    cells: dict[Meaning, str] = field(default_factory=dict)
    names_in_text: bool = False  # "Thực hiện": the agencies start the sentence
    areas: list[CriterionRef] = field(default_factory=list)  # told by the headings above
    context: str = ""  # the headings above, innermost last

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs)

    def cell(self, meaning: Meaning) -> str:
        return self.cells.get(meaning, "")


@dataclass(frozen=True)
class _Text:
    """A paragraph of a task cell, with the row it sits in and its place in the cell."""

    text: str
    row: TableRow
    part: int


@dataclass(frozen=True)
class TableNames:
    """How the table is named in messages ('Phụ lục 2') and in task references ('PL2')."""

    label: str
    short_label: str


def task_drafts(
    layout: Layout,
    rows: list[TableRow],
    names: TableNames,
    names_agencies: Callable[[str], bool],
    findings: Findings,
) -> tuple[list[TaskDraft], list[CellUse]]:
    """The tasks, and where each cell went; `names_agencies` tells whether a timeframe cell
    names agencies instead of a time."""
    drafting = _Drafting(layout, rows, names, names_agencies, findings)
    return drafting.run(), drafting.ledger()


class _Drafting:
    def __init__(
        self,
        layout: Layout,
        rows: list[TableRow],
        names: TableNames,
        names_agencies: Callable[[str], bool],
        findings: Findings,
    ) -> None:
        self.layout = layout
        self.rows = rows
        self.label = names.label
        self.short_label = names.short_label
        self.names_agencies = names_agencies
        self.findings = findings
        self.task = layout.first(Meaning.TASK)
        self.action = layout.first(Meaning.ACTION)
        self.drafts: list[TaskDraft] = []
        self.above: dict[Meaning, str] = {}
        self.last: TaskDraft | None = None
        self.area: object = None
        self.parents = {
            r.code.parent for r in rows if r.kind is RowKind.ANCHOR and r.code and r.code.parent
        }
        self.references: dict[str, int] = {}
        self.taken: list[CellUse] = []
        self.numbered: dict[Origin, str] = {}  # an anchor row's first task
        self.odd: set[Origin] = set()

    def run(self) -> list[TaskDraft]:
        group: list[TableRow] = []
        for row in self.rows:
            if row.kind is RowKind.SECTION:
                self._group(group)
                group = []
                self._new_area(("section", row.section))
            elif row.kind is RowKind.ANCHOR:
                self._group(group)
                group = [row]
            elif row.kind is RowKind.CONTINUATION:
                if group:
                    group.append(row)
                else:
                    self._odd(row, "dòng không có số thứ tự và không nằm dưới dòng nào")
            elif row.kind is RowKind.ODD:
                self._odd(row, "không đọc được dòng này (không có số thứ tự hay mã tiêu chí)")
        self._group(group)
        return self.drafts

    def _group(self, group: list[TableRow]) -> None:
        if not group:
            return
        anchor = group[0]
        area = (anchor.section, anchor.code.parts[:1] if anchor.code else None)
        if area != self.area:
            self._new_area(area)
        if self.action is not None:
            self._actions(anchor)
            return
        for rows, texts in self._blocks(group):
            self._tasks(anchor, rows, texts)

    def _blocks(self, group: list[TableRow]) -> list[tuple[list[TableRow], list[_Text]]]:
        """Rows starting with a task's text, each with the agency-only rows that follow."""
        blocks: list[tuple[list[TableRow], list[_Text]]] = []
        for row in group:
            texts = [_Text(t, row, n) for n, t in enumerate(paragraphs(row.cell(self.task)))]
            others = any(row.text(self.layout.first(m)) for m in _OWN)
            if texts and row is not group[0] and not others and blocks:
                blocks[-1][1].extend(texts)  # the text above, wrapped onto this row
            elif texts:
                blocks.append(([row], texts))
            elif others and blocks:
                blocks[-1][0].append(row)  # another lead agency under the row above
            elif others:
                self._odd(row, f"có {self._filled(row)} nhưng không có nhiệm vụ: bỏ qua")
            elif row is group[0]:
                self._no_task(row)
        return blocks

    def _tasks(self, anchor: TableRow, rows: list[TableRow], texts: list[_Text]) -> None:
        """One task per agency row when the text has as many paragraphs, else one task."""
        lead_paragraphs = paragraphs(rows[0].cell(self.layout.first(Meaning.LEAD)))
        if len(rows) > 1 and len(texts) == len(rows):
            for text, row in zip(texts, rows, strict=True):
                self._add(anchor, row, [text], {})
        elif len(rows) == 1 and len(texts) > 1 and len(lead_paragraphs) == len(texts):
            for part, (text, lead) in enumerate(zip(texts, lead_paragraphs, strict=True)):
                draft = self._add(anchor, rows[0], [text], {Meaning.LEAD: lead})
                self._took(rows[0], Meaning.LEAD, lead, draft.reference, part=part + 1)
        else:
            draft = self._add(anchor, rows[0], texts, {})
            for row in rows[1:]:
                for meaning in _AGENCY_CELLS:
                    extra = row.text(self.layout.first(meaning))
                    if extra:
                        draft.cells[meaning] = f"{draft.cell(meaning)}; {extra}".strip("; ")
                        self._took(row, meaning, extra, draft.reference, joined="; ")

    def _add(
        self,
        anchor: TableRow,
        row: TableRow,
        texts: list[_Text],
        given: dict[Meaning, str],
        meaning: Meaning = Meaning.TASK,
    ) -> TaskDraft:
        draft = TaskDraft(
            self._reference(anchor),
            [t.text for t in texts],
            [anchor.code] if anchor.code is not None else [],
            Place(self.label, row.position, None, row.origin),
        )
        self.numbered.setdefault(anchor.origin, draft.reference)
        self._took_texts(texts, meaning, draft.reference)
        cells = {m: given.get(m) or row.text(self.layout.first(m)) for m in _OWN}
        into = self._agencies_for_time(cells, draft.place)
        self._took_own(row, given, cells, into, draft.reference)
        draft.cells[Meaning.OUTPUT] = cells[Meaning.OUTPUT]
        for meaning in _INHERITED:
            own = cells[meaning]
            if own:
                self.above[meaning] = own
                draft.cells[meaning] = own
            elif meaning in self.above:
                draft.cells[meaning] = self.above[meaning]
        self.drafts.append(draft)
        self.last = draft
        return draft

    def _took_own(
        self,
        row: TableRow,
        given: dict[Meaning, str],
        cells: dict[Meaning, str],
        into: Meaning | None,
        reference: str,
    ) -> None:
        """The row's own agency, time and output cells, in the fields they went to."""
        for owned in _OWN:
            if owned not in given and cells[owned] and row.text(self.layout.first(owned)):
                self._took(row, owned, row.text(self.layout.first(owned)), reference)
        if into is not None:
            wording = row.text(self.layout.first(Meaning.SCHEDULE))
            self._took(row, Meaning.SCHEDULE, wording, reference, into, "; ")

    def _agencies_for_time(self, cells: dict[Meaning, str], place: Place) -> Meaning | None:
        """A timeframe cell that names agencies (a shifted column) gives the agencies; returns
        which of them it gave."""
        wording = cells[Meaning.SCHEDULE]
        if not wording or not self.names_agencies(wording):
            return None
        meaning = Meaning.LEAD if not cells[Meaning.LEAD] else Meaning.COORDINATING
        cells[meaning] = f"{cells[meaning]}; {wording}".strip("; ")
        cells[Meaning.SCHEDULE] = ""
        role = "chủ trì" if meaning is Meaning.LEAD else "phối hợp"
        self.findings.warning(
            f"cột thời gian ghi tên cơ quan '{wording}': coi là cơ quan {role}, "
            "thời gian lấy theo dòng trên (nếu có)",
            place,
        )
        return meaning

    def _actions(self, anchor: TableRow) -> None:
        """'Thực hiện': each bullet names who does it ("Sở Nội vụ tham mưu…")."""
        text = anchor.text(self.action)
        if not text or SURVEY.fullmatch(words_key(text)):
            self._no_task(anchor)
            return
        starts = sorted({0, *(m.start() for m in _BULLETS.finditer(text))})
        pieces = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
        for part, piece in enumerate(p for p in pieces if _BULLETS.sub("", p, count=1).strip()):
            draft = self._add(anchor, anchor, [], {}, Meaning.ACTION)
            draft.paragraphs = [_BULLETS.sub("", piece, count=1).strip()]
            draft.names_in_text = True
            self._took(anchor, Meaning.ACTION, piece, draft.reference, part=part + 1)

    def _no_task(self, row: TableRow) -> None:
        """A leaf criterion under a merged task cell is served by the task above it."""
        if row.code is None or row.code in self.parents or self.last is None:
            return
        if row.code not in self.last.criteria:
            self.last.criteria.append(row.code)

    def _new_area(self, area: object) -> None:
        self.area = area
        self.above = {}
        self.last = None

    def _reference(self, anchor: TableRow) -> str:
        base = f"{self.short_label} {anchor.reference}"
        count = self.references.get(base, 0)
        self.references[base] = count + 1
        return base if count == 0 else f"{base}{chr(ord('a') + count)}"

    def _filled(self, row: TableRow) -> str:
        """'cột Cơ quan phối hợp thực hiện: Sở Tài chính; cột Thời gian…: Thường xuyên'."""
        columns = [self.layout.first(m) for m in _OWN]
        return "; ".join(
            f"cột '{c.header}': '{row.text(c)}'" for c in columns if c is not None and row.text(c)
        )

    def _odd(self, row: TableRow, message: str) -> None:
        self.odd.add(row.origin)
        self.findings.warning(message, Place(self.label, row.position, None, row.origin))

    def _took(
        self,
        row: TableRow,
        meaning: Meaning,
        text: str,
        reference: str,
        into: Meaning | None = None,
        joined: str = " ",
        part: int = 0,
    ) -> None:
        column = self.layout.first(meaning)
        assert column is not None
        if not part and any(
            (u.origin, u.column) == (row.origin, column.position) for u in self.taken
        ):
            return  # a cell shared by the tasks of one row counts for the first, as if merged
        field_name = _FIELD_NAMES[into or meaning]
        self.taken.append(
            CellUse(
                row.origin,
                column.position,
                text,
                Use.TASK,
                reference,
                field_name,
                joined,
                part=part,
            )
        )

    def _took_texts(self, texts: list[_Text], meaning: Meaning, reference: str) -> None:
        """A cell whose paragraphs all went to this task is one use; else one per paragraph."""
        column = self.layout.first(meaning)
        for row in dict.fromkeys(t.row for t in texts):
            own = [t for t in texts if t.row is row]
            if len(own) == len(paragraphs(row.cell(column))):
                self._took(row, meaning, " ".join(t.text for t in own), reference)
            else:
                for text in own:
                    self._took(row, meaning, text.text, reference, part=text.part + 1)

    def ledger(self) -> list[CellUse]:
        """The cells the tasks took; the rest are headings, criteria, or named in a finding."""
        taken = {(u.origin, u.column) for u in self.taken}
        uses = list(self.taken)
        for row in self.rows:
            for column in self.layout.columns:
                text = row.text(column)
                if text and (row.origin, column.position) not in taken:
                    uses.append(self._rest(row, column, text))
        return uses

    def _rest(self, row: TableRow, column: Column, text: str) -> CellUse:
        if row.kind in (RowKind.SECTION, RowKind.SECTION_NAME):
            name = row.name or (row.section.rest if row.section else "") or text
            return CellUse(row.origin, column.position, text, Use.HEADING, name)
        if column.meaning is Meaning.NUMBER and row.code is None and row.origin in self.numbered:
            reference = self.numbered[row.origin]
            return CellUse(row.origin, column.position, text, Use.TASK, reference, "number")
        survey = column.meaning is Meaning.ACTION and SURVEY.fullmatch(words_key(text))
        if (column.meaning in _CRITERION_CELLS or survey) and row.origin not in self.odd:
            return CellUse(row.origin, column.position, text, Use.CRITERION, str(row.code or ""))
        if row.origin not in self.odd:
            self.findings.warning(
                f"cột '{column.header}' ghi '{text}': không lưu vào nhiệm vụ",
                Place(self.label, row.position, column.header, row.origin),
            )
        return CellUse(row.origin, column.position, text, Use.FINDING)
