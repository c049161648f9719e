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
from planner.importer.headers import Layout, Meaning
from planner.importer.spelling import words_key
from planner.importer.table_rows import RowKind, TableRow

_AGENCY_CELLS = (Meaning.LEAD, Meaning.COORDINATING)
_INHERITED = (Meaning.LEAD, Meaning.COORDINATING, Meaning.SCHEDULE)  # merged down in Word
_OWN = (*_INHERITED, Meaning.OUTPUT)
_BULLETS = re.compile(r"(?:^|(?<=[.;:]))\s*-\s+")


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
) -> list[TaskDraft]:
    """`names_agencies` tells whether a timeframe cell names agencies instead of a time."""
    return _Drafting(layout, rows, names, names_agencies, findings).run()


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

    def _blocks(self, group: list[TableRow]) -> list[tuple[list[TableRow], list[str]]]:
        """Rows starting with a task's text, each with the agency-only rows that follow."""
        blocks: list[tuple[list[TableRow], list[str]]] = []
        for row in group:
            texts = list(paragraphs(row.cell(self.task)))
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

    def _tasks(self, anchor: TableRow, rows: list[TableRow], texts: list[str]) -> None:
        """One task per agency row when the text has as many paragraphs, else one task."""
        lead_paragraphs = paragraphs(rows[0].cell(self.layout.first(Meaning.LEAD)))
        if len(rows) > 1 and len(texts) == len(rows):
            for text, row in zip(texts, rows, strict=True):
                self._add(anchor, row, [text], {})
        elif len(rows) == 1 and len(texts) > 1 and len(lead_paragraphs) == len(texts):
            for text, lead in zip(texts, lead_paragraphs, strict=True):
                self._add(anchor, rows[0], [text], {Meaning.LEAD: lead})
        else:
            draft = self._add(anchor, rows[0], texts, {})
            for row in rows[1:]:
                for meaning in _AGENCY_CELLS:
                    extra = row.text(self.layout.first(meaning))
                    if extra:
                        draft.cells[meaning] = f"{draft.cell(meaning)}; {extra}".strip("; ")

    def _add(
        self, anchor: TableRow, row: TableRow, texts: list[str], given: dict[Meaning, str]
    ) -> TaskDraft:
        draft = TaskDraft(
            self._reference(anchor),
            texts,
            [anchor.code] if anchor.code is not None else [],
            Place(self.label, row.position, None, row.origin),
        )
        cells = {m: given.get(m) or row.text(self.layout.first(m)) for m in _OWN}
        self._agencies_for_time(cells, draft.place)
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

    def _agencies_for_time(self, cells: dict[Meaning, str], place: Place) -> None:
        """A timeframe cell that names agencies (a shifted column) gives the agencies."""
        wording = cells[Meaning.SCHEDULE]
        if not wording or not self.names_agencies(wording):
            return
        meaning = Meaning.LEAD if not cells[Meaning.LEAD] else Meaning.COORDINATING
        cells[meaning] = f"{cells[meaning]}; {wording}".strip("; ")
        cells[Meaning.SCHEDULE] = ""
        role = "chủ trì" if meaning is Meaning.LEAD else "phối hợp"
        self.findings.warning(
            f"cột thời gian ghi tên cơ quan '{wording}': coi là cơ quan {role}, "
            "thời gian lấy theo dòng trên (nếu có)",
            place,
        )

    def _actions(self, anchor: TableRow) -> None:
        """'Thực hiện': each bullet names who does it ("Sở Nội vụ tham mưu…")."""
        text = anchor.text(self.action)
        if not text or SURVEY.fullmatch(words_key(text)):
            self._no_task(anchor)
            return
        for bullet in (b.strip() for b in _BULLETS.split(text)):
            if bullet:
                draft = self._add(anchor, anchor, [bullet], {})
                draft.names_in_text = True

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
        self.findings.warning(message, Place(self.label, row.position, None, row.origin))
