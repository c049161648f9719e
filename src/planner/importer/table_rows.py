"""What each row of a table is: a section heading, a numbered row, a continuation, a total.

The numbered rows carry criterion codes either in the name ("TC 1.2. Thực hiện…", the TT
column then only counts rows) or in the TT column itself ("1.2"). Under Roman sections
whose rows restart at 1 (SIPAS: I.1, II.1), the codes are read relative to the section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from planner.domain.criterion import CriterionCode
from planner.domain.import_corrections import RowRole
from planner.importer.cells import cell_text
from planner.importer.headers import POINT_MEANINGS, Column, Layout, Meaning, TableKind
from planner.importer.numbering import SectionNumber, code_in_name, code_in_number, section_number
from planner.importer.source import Origin, Row
from planner.importer.spelling import words_key

_TOTAL = re.compile(r"^(?:tổng cộng|tổng số điểm|tổng điểm|tổng số|tổng)\b")
_PREFIXED_CODE = re.compile(r"^(?:tctp|tc|tiêu chí)\s*\d", re.IGNORECASE)


class RowKind(StrEnum):
    SECTION = "section"  # "I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH": the rows beneath belong to it
    SECTION_NAME = "section_name"  # the section's name, wrapped onto a row of its own
    ANCHOR = "anchor"  # a numbered row: a criterion, or a task in a table of tasks
    CONTINUATION = "continuation"  # no number: another task or agency for the row above
    WRAPPED_NAME = "wrapped_name"  # the name of the row above, continued on this row
    TOTAL = "total"  # "TỔNG", "TỔNG ĐIỂM TỐI ĐA"
    ODD = "odd"  # a row planner cannot place


@dataclass(frozen=True)
class TableRow:
    kind: RowKind
    origin: Origin
    position: int  # 1-based among the table's rows
    cells: tuple[str, ...]
    number: str = ""
    code: CriterionCode | None = None
    name: str = ""
    section: SectionNumber | None = None
    relative: bool = False  # the code was read under its Roman section (SIPAS I.1)

    def cell(self, column: Column | None) -> str:
        return self.cells[column.position] if column is not None else ""

    def text(self, column: Column | None) -> str:
        return cell_text(self.cell(column))

    @property
    def reference(self) -> str:
        """The code when the row carries one in its TT column, else 'I.1' (section.number)."""
        in_number = code_in_number(self.number) == self.code or not self.number
        if self.code is not None and (self.relative or in_number):
            return str(self.code)
        numeral = self.section.numeral if self.section is not None else ""
        number = self.number.rstrip(".)") or str(self.position)
        return f"{numeral}.{number}" if numeral else number


def classify(
    layout: Layout, rows: list[Row], roles: dict[Origin, RowRole] | None = None
) -> list[TableRow]:
    """Each row's kind; `roles` are rows a person marked as heading, task or continuation."""
    return _Classifier(layout, rows, roles or {}).run()


class _Classifier:
    def __init__(self, layout: Layout, rows: list[Row], roles: dict[Origin, RowRole]) -> None:
        self.layout = layout
        self.roles = roles
        self.rows = rows
        self.number = layout.first(Meaning.NUMBER)
        self.name = layout.first(Meaning.NAME) or layout.first(Meaning.TASK)
        self.points = [c for c in layout.columns if c.meaning in POINT_MEANINGS]
        self.codes_in_names = self.number is None or _codes_in_names(
            rows, layout.first(Meaning.NAME)
        )
        self.codes_in_numbers = layout.kind is not TableKind.TASKS and not self.codes_in_names
        self.section: SectionNumber | None = None

    def run(self) -> list[TableRow]:
        classified: list[TableRow] = []
        for position, row in enumerate(self.rows, start=1):
            cells = _padded(row.cells, len(self.layout.columns))
            found = self._kind(TableRow(RowKind.ODD, row.origin, position, cells), classified)
            if found is not None:
                classified.append(found)
        return _relative_codes(classified) if self.codes_in_numbers else classified

    def _kind(self, row: TableRow, before: list[TableRow]) -> TableRow | None:
        texts = [cell_text(c) for c in row.cells]
        if not any(texts):
            return None
        number = texts[self.number.position] if self.number else ""
        name = texts[self.name.position] if self.name else ""
        skip = {c.position for c in (self.number, self.name) if c is not None}
        rest = any(text for i, text in enumerate(texts) if i not in skip)
        row = replace(row, number=number, name=name, section=self.section)
        if (role := self.roles.get(row.origin)) is not None:
            return self._marked(row, role, number, name, rest, before)
        if _TOTAL.match(words_key(number)) or _TOTAL.match(words_key(name)):
            return replace(row, kind=RowKind.TOTAL, name=name or number)
        if (heading := self._section(row, number, name, rest, before)) is not None:
            return heading
        return self._numbered(row, number, name, rest, before)

    def _marked(
        self,
        row: TableRow,
        role: RowRole,
        number: str,
        name: str,
        rest: bool,
        before: list[TableRow],
    ) -> TableRow:
        if role is RowRole.HEADING:
            numeral = section_number(number) if number else None
            self.section = SectionNumber(numeral.numeral if numeral else "", name or number)
            return replace(row, kind=RowKind.SECTION, section=self.section, name=name or number)
        if role is RowRole.CONTINUATION:
            return replace(row, kind=RowKind.CONTINUATION)
        found = self._numbered(row, number, name, rest, before)
        return found if found.kind is RowKind.ANCHOR else replace(found, kind=RowKind.ANCHOR)

    def _section(
        self, row: TableRow, number: str, name: str, rest: bool, before: list[TableRow]
    ) -> TableRow | None:
        if any(row.text(c) for c in self.points):
            return None
        written = number or (name if self.number is None else "")
        numeral = section_number(written) if written else None
        if numeral is not None and not (rest and self.layout.kind is TableKind.TASKS):
            self.section = replace(numeral, rest=numeral.rest or (name if number else ""))
            return replace(row, kind=RowKind.SECTION, section=self.section, name=self.section.rest)
        unnumbered = number if number and not name else name if not number else ""
        if not unnumbered or rest or code_in_number(unnumbered) or not _capitals(unnumbered):
            return None
        previous = before[-1] if before else None
        if previous is not None and previous.kind is RowKind.SECTION and not previous.name:
            self.section = replace(previous.section or SectionNumber("", ""), rest=unnumbered)
            return replace(row, kind=RowKind.SECTION_NAME, name=unnumbered, section=self.section)
        if code_in_name(unnumbered) is None and not (number and self.codes_in_numbers):
            self.section = SectionNumber("", unnumbered)
            return replace(row, kind=RowKind.SECTION, section=self.section, name=unnumbered)
        return None

    def _numbered(
        self, row: TableRow, number: str, name: str, rest: bool, before: list[TableRow]
    ) -> TableRow:
        code, title = None, name
        if self.codes_in_names and (found := code_in_name(name)) is not None:
            code, title = found
        elif self.codes_in_numbers and number:
            code = code_in_number(number)
        if number or code is not None:
            return replace(row, kind=RowKind.ANCHOR, code=code, name=title)
        if (
            name
            and not rest
            and before
            and before[-1].kind in (RowKind.ANCHOR, RowKind.WRAPPED_NAME)
        ):
            return replace(row, kind=RowKind.WRAPPED_NAME)
        if name and self.layout.kind is TableKind.TASKS:
            return replace(row, kind=RowKind.ANCHOR)
        if name:
            return replace(row, kind=RowKind.ODD)
        return replace(row, kind=RowKind.CONTINUATION)


def _codes_in_names(rows: list[Row], name: Column | None) -> bool:
    """Criterion codes are written in the names ("TC 1.2. …") rather than in the TT column."""
    if name is None:
        return False
    names = [cell_text(r.cells[name.position]) for r in rows if len(r.cells) > name.position]
    return any(_PREFIXED_CODE.match(n) for n in names if n)


def _relative_codes(rows: list[TableRow]) -> list[TableRow]:
    """Under Roman sections whose rows restart at 1, read '1.1' as 'I.1.1'."""
    relative = any(
        r.kind is RowKind.ANCHOR and r.code is not None and r.code.depth == 1 and r.section
        for r in rows
    )
    if not relative:
        return rows
    return [
        replace(r, code=CriterionCode((r.section.numeral, *r.code.parts)), relative=True)
        if r.kind is RowKind.ANCHOR and r.code is not None and r.section and r.section.numeral
        else r
        for r in rows
    ]


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _padded(cells: tuple[str, ...], size: int) -> tuple[str, ...]:
    """Short rows are padded; cells beyond the header are joined to the last column."""
    if len(cells) <= size:
        return cells + ("",) * (size - len(cells))
    extra = " ".join(c for c in cells[size - 1 :] if c.strip())
    return (*cells[: size - 1], extra)
