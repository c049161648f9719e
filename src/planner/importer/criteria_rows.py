"""The criteria of a table: codes, names, max points, last year's points and targets.

Points are read as the document writes them ("0,5000", "8.80177", "2"); a cell that is not
a number where points are expected is an error naming the row and column. Survey-based
criteria are marked by "(Điều tra XHH)" in the name, "ĐTXHH" in the notes or "Điều tra XHH"
in a "Thực hiện" column, and everything beneath them is survey-based too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from planner.domain.criterion import CriterionCode
from planner.domain.errors import InvalidValue
from planner.domain.points import parse_points
from planner.domain.target import Target, TargetKind
from planner.importer.findings import Findings, Place
from planner.importer.headers import Column, Layout, Meaning
from planner.importer.spelling import words_key
from planner.importer.table_rows import RowKind, TableRow

SURVEY = re.compile(r"điều tra\s*(?:xhh|xã hội học)|đtxhh|\bxhh\b")
_NOT_EVALUATED = re.compile(r"^(?:không đánh giá|kđg)$")
_NOTHING = frozenset({"-", "–", "—", "x", "/"})


@dataclass(frozen=True)
class Number:
    """A number as written: its value, and how many decimals the document showed."""

    value: Decimal
    places: int


@dataclass
class CriterionLine:
    row: TableRow
    place: Place
    code: CriterionCode
    name: str
    max_points: Number | None = None
    achieved: Number | None = None
    achieved_year: int | None = None
    targets: dict[int, Target] = field(default_factory=dict)
    target_numbers: dict[int, Number] = field(default_factory=dict)
    survey_based: bool = False
    not_evaluated: bool = False
    notes: str = ""

    @property
    def is_total(self) -> bool:
        return self.code.is_total


def criterion_lines(
    layout: Layout, rows: list[TableRow], label: str, year: int, findings: Findings
) -> list[CriterionLine]:
    """Every criterion row (and the total row) with its figures read."""
    reader = _LineReader(layout, label, year, findings)
    lines: list[CriterionLine] = []
    for row in rows:
        if row.kind is RowKind.WRAPPED_NAME and lines:
            lines[-1].name = f"{lines[-1].name} {row.name}".strip()
        elif row.kind is RowKind.TOTAL or (row.kind is RowKind.ANCHOR and row.code is not None):
            lines.append(reader.line(row))
    _inherit_text_targets(lines)
    _spread_survey_flags(lines)
    return lines


class _LineReader:
    def __init__(self, layout: Layout, label: str, year: int, findings: Findings) -> None:
        self.layout = layout
        self.label = label
        self.findings = findings
        self.percent = layout.percent
        targets = layout.all(Meaning.TARGET)
        self.targets = [(c, c.year or year) for c in targets]
        first_year = min((y for _, y in self.targets), default=year)
        achieved = layout.first(Meaning.ACHIEVED)
        self.achieved = achieved
        self.achieved_year = achieved.year if achieved and achieved.year else first_year - 1

    def line(self, row: TableRow) -> CriterionLine:
        place = Place(self.label, row.position, None, row.origin)
        code = CriterionCode.total() if row.kind is RowKind.TOTAL else row.code
        assert code is not None
        line = CriterionLine(row, place, code, row.name)
        maximum = self.layout.first(Meaning.MAX_POINTS)
        max_text = row.text(maximum)
        line.not_evaluated = bool(_NOT_EVALUATED.match(words_key(max_text)))
        if not line.not_evaluated:
            line.max_points = self._number(max_text, maximum, place)
        line.achieved = self._number(row.text(self.achieved), self.achieved, place)
        line.achieved_year = self.achieved_year if line.achieved else None
        for column, year in self.targets:
            self._target(line, column, year)
        notes = self.layout.first(Meaning.NOTES)
        line.notes = row.text(notes)
        action = row.text(self.layout.first(Meaning.ACTION))
        line.survey_based = any(
            SURVEY.search(words_key(text)) for text in (row.name, line.notes)
        ) or bool(SURVEY.fullmatch(words_key(action)))
        return line

    def _target(self, line: CriterionLine, column: Column, year: int) -> None:
        text = line.row.text(column)
        if not text:
            return
        place = line.place.at_column(column.header)
        try:
            target = Target.parse(text, percent=self.percent or column.percent, where=str(place))
        except InvalidValue as error:
            self.findings.error(error.message, place)
            return
        line.targets[year] = target
        if target.value is not None:
            line.target_numbers[year] = Number(target.value, _places(text))

    def _number(self, text: str, column: Column | None, place: Place) -> Number | None:
        if column is None or not text or words_key(text) in _NOTHING:
            return None
        where = place.at_column(column.header)
        try:
            value = parse_points(text.rstrip("%").strip(), where=str(where))
        except InvalidValue:
            self.findings.error(f"'{text}' không phải là số điểm (ví dụ: 1,5 hoặc 0,25)", where)
            return None
        return Number(value, _places(text))


def _places(text: str) -> int:
    match = re.search(r"[.,](\d+)", text)
    return len(match.group(1)) if match else 0


def _inherit_text_targets(lines: list[CriterionLine]) -> None:
    """A target cell merged over several criteria is written only in its first row."""
    parents = {line.code.parent for line in lines if line.code.parent is not None}
    for before, line in itertools.pairwise(lines):
        if line.targets or line.is_total or before.is_total or line.code in parents:
            continue
        if line.code.parts[:1] != before.code.parts[:1]:
            continue
        if before.targets and all(t.kind is TargetKind.TEXT for t in before.targets.values()):
            line.targets = dict(before.targets)


def _spread_survey_flags(lines: list[CriterionLine]) -> None:
    """Beneath a survey-based criterion, every criterion is scored by the survey too."""
    survey = {line.code for line in lines if line.survey_based and not line.is_total}
    for line in lines:
        parent = line.code.parent
        while parent is not None and not line.survey_based:
            line.survey_based = parent in survey
            parent = parent.parent
