"""The tasks of a table of tasks, read from the outline the whole table draws.

Provinces lay their task tables out in many ways: sections numbered I–IX or A, B; group
rows ("2 | Kiểm tra công tác CCHC" with empty cells) whose tasks are the "- ", "+ " or
"a)" items beneath, or the numbered rows 2.1, 2.2 under them; a task's text wrapped onto a
row of its own after the header a new page repeats; agency and timeframe cells merged down
over several rows. A row is read in the light of the rows around it, never by its words
alone. Every non-empty cell is accounted for in the table's ledger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from planner.domain.criterion import Index
from planner.domain.import_corrections import RowRole
from planner.importer.cells import cell_text, prose_text
from planner.importer.findings import Findings, Place
from planner.importer.headers import Column, Meaning
from planner.importer.index_areas import area_of
from planner.importer.ledger import CellUse, Use
from planner.importer.numbering import section_number
from planner.importer.source import Origin, Row
from planner.importer.spelling import words_key
from planner.importer.tables import RawTable
from planner.importer.task_rows import TaskDraft

_MARKER = re.compile(r"^(?:[-+•–]\s*|([a-zđ])\s*[).]\s+)(?=\S)")
_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?$")
_NUMBERED_HEADING = re.compile(r"^([IVX]+|\d{1,2}|[A-H])[.)]\s+(\S.{0,200})$")
_TABLE_NOTE = re.compile(r"^(?:tổng(?:\s+cộng|\s+số)?\b|\(\*+\)|\*|ghi chú\s*:|lưu ý\s*:)")
_STATED_COUNT = re.compile(r"^tổng(?:\s+cộng|\s+số)?\s*:?\s*(\d+)\s+nhiệm vụ")
_FIELDS = {
    Meaning.LEAD: "lead",
    Meaning.COORDINATING: "coordinating",
    Meaning.START: "schedule",  # the start and the end columns make one timeframe
    Meaning.SCHEDULE: "schedule",
    Meaning.OUTPUT: "output",
}
_ASSIGNED = ("lead", "coordinating", "schedule")


@dataclass
class _Piece:
    text: str
    row: Row
    column: int
    joined_with: str = " "


@dataclass
class _Entry:
    """A numbered row, an item under it, or a section heading, with the cells it took."""

    number: str
    first: Row
    position: int
    headings: list[str]  # the section headings above it
    numerals: list[str]
    pieces: dict[str, list[_Piece]] = field(default_factory=dict)
    merged: set[str] = field(default_factory=set)  # fields merged down from the row above
    items: list[_Entry] = field(default_factory=list)
    children: bool = False  # numbered rows 2.1, 2.2 follow this row 2
    parent: _Entry | None = None
    marker: str = ""  # "-", "+", or the letter of "a)"
    role: RowRole | None = None  # what a person said the row is

    def add(self, name: str, piece: _Piece) -> None:
        self.pieces.setdefault(name, []).append(piece)

    def text(self, name: str) -> str:
        pieces = self.pieces.get(name, [])
        joined = ""
        for piece in pieces:
            joined = f"{joined}{piece.joined_with if joined else ''}{piece.text}"
        return joined

    @property
    def title(self) -> str:
        """What a heading row is called: its text, or the criterion it names."""
        return self.text("text") or self.text("name")

    def owns(self, name: str) -> bool:
        return bool(self.pieces.get(name)) or name in self.merged

    @property
    def assigned(self) -> bool:
        return any(self.owns(name) for name in _ASSIGNED)


def outline_drafts(
    table: RawTable,
    short_label: str,
    default: Index,
    findings: Findings,
    roles: dict[Origin, RowRole] | None = None,
) -> tuple[list[TaskDraft], list[CellUse]]:
    """The table's tasks, and where each of its cells went; `roles` are rows a person marked."""
    reader = _Outline(table, short_label, default, findings, roles or {})
    reader.read()
    return reader.resolve(), reader.ledger


class _Outline:
    def __init__(
        self,
        table: RawTable,
        short_label: str,
        default: Index,
        findings: Findings,
        roles: dict[Origin, RowRole],
    ) -> None:
        layout = table.layout
        self.table = table
        self.roles = roles
        self.label = table.label
        self.short_label = short_label
        self.default = default
        self.findings = findings
        self.number = layout.first(Meaning.NUMBER)
        self.task = layout.first(Meaning.TASK)
        self.name = layout.first(Meaning.NAME)  # the criterion or area a row serves
        self.fields = {
            c.position: _FIELDS[c.meaning] for m in _FIELDS if (c := layout.first(m)) is not None
        }
        named = (self.number, self.task, self.name)
        used = {c.position for c in named if c is not None} | set(self.fields)
        self.others: list[Column] = [c for c in layout.columns if c.position not in used]
        self.width = len(layout.columns)
        self.entries: list[_Entry] = []
        # (numeral, text), outermost first; a document giving each section a table of its
        # own writes the section's heading just above it ("2. Cải cách thủ tục hành chính").
        self.headings: list[tuple[str, str]] = _caption_heading(table)
        self.ledger: list[CellUse] = []
        self.current: _Entry | None = None  # the numbered row items attach to
        self.last: _Entry | None = None  # the entry a continuation joins
        self.drafts: list[TaskDraft] = []
        self.references: dict[str, int] = {}
        self.stated: tuple[int, Place] | None = None  # "Tổng cộng: 25 nhiệm vụ"

    # reading rows

    def read(self) -> None:
        for header in self.table.headers:
            for column, text in self._texts(header):
                self.ledger.append(CellUse(header.origin, column, text, Use.HEADER))
        for position, row in enumerate(self.table.rows, start=1):
            self._row(row, position)

    def _texts(self, row: Row) -> Iterator[tuple[int, str]]:
        for column, cell in enumerate(self._cells(row)):
            text = cell_text(cell)
            if text:
                yield column, text

    def _cells(self, row: Row) -> tuple[str, ...]:
        """Short rows are padded; cells beyond the header are joined to the last column."""
        cells = row.cells
        if len(cells) <= self.width:
            return cells + ("",) * (self.width - len(cells))
        return (*cells[: self.width - 1], " ".join(c for c in cells[self.width - 1 :] if c.strip()))

    def _row(self, row: Row, position: int) -> None:
        texts = dict(self._texts(row))
        if not texts:
            return
        number = texts.get(self.number.position, "") if self.number else ""
        text = texts.get(self.task.position, "") if self.task else ""
        text = text or (texts.get(self.name.position, "") if self.name else "")
        own = any(p in texts for p in self.fields)
        role = self.roles.get(row.origin)
        if role is not None:
            self._marked(row, position, role, texts)
            return
        if (
            row.origin in self.table.resumed
            and not number
            and self.last
            and not _MARKER.match(text)
        ):
            self._join(self.last, row, texts)
        elif not number and not own and _TABLE_NOTE.match(words_key(text)):
            self._note(row, texts)
            return
        elif self._section(row, number, text, own, texts):
            return
        elif self._unnumbered_heading(row, number, text, own) and self._heads(position):
            self._section(row, number, text, own, texts, forced=True)
            return
        elif number or self._sibling(text, own):
            self._numbered(row, position, number, texts)
        elif text and self.current is not None and (_MARKER.match(text) or own or self._group()):
            self._item(self.current, row, position, texts)
        elif text and self.current is None and (_MARKER.match(text) or own or self.last is None):
            self._numbered(row, position, "", texts)
        elif self.last is not None:
            self._join(self.last, row, texts, agencies_apart=not text)
        else:
            self._unplaced(row, texts)
            return
        self._others(row, texts)

    def _note(self, row: Row, texts: dict[int, str]) -> None:
        """A total ("Tổng cộng: 25 nhiệm vụ") or a footnote ("(*) …") under the tasks: said,
        not stored, and never glued onto the task above; a stated count is checked."""
        shown = "; ".join(texts.values())
        self.findings.warning(
            f"dòng '{shown}' là dòng tổng hoặc chú thích của bảng, không phải nhiệm vụ: không lưu",
            Place(self.label, None, None, row.origin),
        )
        for column, cell in texts.items():
            self.ledger.append(CellUse(row.origin, column, cell, Use.FINDING))
        if counted := _STATED_COUNT.match(words_key(shown)):
            self.stated = (int(counted.group(1)), Place(self.label, None, None, row.origin))

    def _unplaced(self, row: Row, texts: dict[int, str]) -> None:
        shown = "; ".join(texts.values())
        self.findings.warning(
            f"dòng không có số thứ tự và không nằm dưới nhiệm vụ nào ('{shown}'): không lưu",
            Place(self.label, None, None, row.origin),
        )
        for column, cell in texts.items():
            self.ledger.append(CellUse(row.origin, column, cell, Use.FINDING))

    def _section(
        self,
        row: Row,
        number: str,
        text: str,
        own: bool,
        texts: dict[int, str],
        forced: bool = False,
    ) -> bool:
        written = number or text
        numeral = section_number(written) if written and not _NUMBER.match(written) else None
        capitals = not number and text and _capitals(text)
        if not forced and (own or not (numeral is not None or capitals)):
            return False
        rest = numeral.rest if numeral is not None and not number else text
        if numeral is not None and not number and not rest and not forced:
            return False
        name = " ".join(p for p in (numeral.rest if numeral and number else "", rest) if p)
        name = name or "; ".join(texts.values())
        level = _level(numeral.numeral if numeral else "")
        self.headings = [h for h in self.headings if _level(h[0]) < level]
        self.headings.append((numeral.numeral if numeral else "", name))
        for column, cell in texts.items():
            self.ledger.append(CellUse(row.origin, column, cell, Use.HEADING, name))
        self.current = self.last = None
        return True

    def _marked(self, row: Row, position: int, role: RowRole, texts: dict[int, str]) -> None:
        """A row read as the person said: a heading, a task, or the rest of the row above."""
        number = texts.get(self.number.position, "") if self.number else ""
        text = texts.get(self.task.position, "") if self.task else ""
        if role is RowRole.HEADING and not _NUMBER.match(number):
            self._section(row, number, text, False, texts, forced=True)
            return
        if role is RowRole.CONTINUATION and self.last is not None:
            self._continued(row, texts)
        elif role is RowRole.CONTINUATION:
            self._unplaced(row, texts)
            return
        elif number or self.current is None:
            self._numbered(row, position, number, texts)
        else:
            self._item(self.current, row, position, texts)
        if self.last is not None and role is not RowRole.CONTINUATION:
            self.last.role = role
        self._others(row, texts)

    def _continued(self, row: Row, texts: dict[int, str]) -> None:
        """Joined to the row above; a number of its own is named, not stored."""
        assert self.last is not None
        if self.number is not None and (number := texts.pop(self.number.position, "")):
            self.findings.warning(
                f"dòng được đánh dấu là phần tiếp của dòng trên: số thứ tự '{number}' của "
                "dòng không lưu",
                Place(self.label, None, self.number.header, row.origin),
            )
            self.ledger.append(CellUse(row.origin, self.number.position, number, Use.FINDING))
        self._join(self.last, row, texts)

    def _unnumbered_heading(self, row: Row, number: str, text: str, own: bool) -> bool:
        """In a table that numbers its tasks, a row with text alone — no number, no bullet,
        no agency or time of its own or merged from above — may head the rows below it
        ("Lĩnh vực 1: Công tác chỉ đạo, điều hành") rather than go on with the task above."""
        if self.number is None or number or own or not text or _MARKER.match(text):
            return False
        return not (set(self.fields) & row.merged) and not self._group()

    def _heads(self, position: int) -> bool:
        """The next row with text is a numbered task or an item: something to head."""
        for row in self.table.rows[position:]:
            texts = dict(self._texts(row))
            if not texts:
                continue
            number = texts.get(self.number.position, "") if self.number else ""
            text = texts.get(self.task.position, "") if self.task else ""
            return bool(_NUMBER.match(number) or _MARKER.match(text))
        return False

    def _sibling(self, text: str, own: bool) -> bool:
        """In a table without a number column, a row with its own cells after a task is the
        next task, not a part of the one above."""
        if self.number is not None or not text or not own or _MARKER.match(text):
            return False
        return self.current is not None and self.current.assigned

    def _group(self) -> bool:
        """The numbered row above was marked a heading: the rows beneath are its tasks."""
        return self.current is not None and self.current.role is RowRole.HEADING

    def _numbered(self, row: Row, position: int, number: str, texts: dict[int, str]) -> None:
        entry = self._entry(row, position, number, texts)
        parent = self._parent(number)
        if parent is not None:
            parent.children = True
            entry.parent = parent
        self.entries.append(entry)
        self.current = self.last = entry

    def _parent(self, number: str) -> _Entry | None:
        """Row 2.1 under row 2 (of the same section)."""
        key = number.rstrip(".)")
        for entry in reversed(self.entries):
            if entry.numerals != self._numerals():
                return None
            if entry.number and key.startswith(entry.number.rstrip(".)") + "."):
                return entry
        return None

    def _item(self, owner: _Entry, row: Row, position: int, texts: dict[int, str]) -> None:
        item = self._entry(row, position, "", texts)
        item.parent = owner
        owner.items.append(item)
        self.last = item

    def _entry(self, row: Row, position: int, number: str, texts: dict[int, str]) -> _Entry:
        entry = _Entry(number, row, position, [h[1] for h in self.headings], self._numerals())
        if self.number is not None and number:
            entry.add("number", _Piece(number, row, self.number.position))
        if self.task is not None and (text := texts.get(self.task.position)):
            entry.add("text", _Piece(text, row, self.task.position))
            marker = _MARKER.match(text)
            entry.marker = (marker.group(1) or text[0]) if marker else ""
        if self.name is not None and (name := texts.get(self.name.position)):
            entry.add("name", _Piece(name, row, self.name.position))
        for position_, name in self.fields.items():
            if position_ in texts:
                joined = " - " if name == "schedule" and name in entry.pieces else " "
                entry.add(name, _Piece(texts[position_], row, position_, joined))
            elif position_ in row.merged:
                entry.merged.add(name)
        return entry

    def _join(
        self, entry: _Entry, row: Row, texts: dict[int, str], agencies_apart: bool = False
    ) -> None:
        """A row continuing the one above: its text wrapped after a page break, or another
        agency for the same task."""
        if self.task is not None and (text := texts.get(self.task.position)):
            entry.add("text", _Piece(text, row, self.task.position))
        for position, name in self.fields.items():
            if position in texts:
                apart = agencies_apart and name in ("lead", "coordinating")
                entry.add(name, _Piece(texts[position], row, position, "; " if apart else " "))

    def _others(self, row: Row, texts: dict[int, str]) -> None:
        for column in self.others:
            if column.position in texts:
                cell = texts[column.position]
                self.findings.warning(
                    f"cột '{column.header}' ghi '{cell}': không lưu vào nhiệm vụ",
                    Place(self.label, None, column.header, row.origin),
                )
                self.ledger.append(CellUse(row.origin, column.position, cell, Use.FINDING))

    def _numerals(self) -> list[str]:
        return [h[0] for h in self.headings if h[0]]

    # deciding what is a task

    def resolve(self) -> list[TaskDraft]:
        above: dict[str, str] = {}
        for entry in self.entries:
            self._resolve(entry, above)
        if self.stated is not None and self.stated[0] != len(self.drafts):
            count, place = self.stated
            self.findings.warning(
                f"bảng ghi tổng cộng {count} nhiệm vụ nhưng đọc được {len(self.drafts)}: "
                "hãy xem lại các dòng của bảng",
                place,
            )
        return self.drafts

    def _resolve(self, entry: _Entry, above: dict[str, str]) -> None:
        items_apart = any(i.marker for i in entry.items) or not entry.assigned
        heading = entry.children or (bool(entry.items) and items_apart)
        if entry.role is not None:
            heading = entry.role is RowRole.HEADING
        if not heading:
            self._task(entry, self._reference(entry), above)
            for count, item in enumerate(entry.items):
                self._task(item, f"{self._reference(entry)}{chr(ord('b') + count)}", above)
            return
        self._heading(entry, above)
        for count, item in enumerate(entry.items):
            letter = item.marker if item.marker.isalpha() else chr(ord("a") + count)
            self._task(item, f"{self._reference(entry)}.{letter}", above)

    def _heading(self, entry: _Entry, above: dict[str, str]) -> None:
        name = entry.title
        for pieces in entry.pieces.values():
            for piece in pieces:
                self.ledger.append(
                    CellUse(piece.row.origin, piece.column, piece.text, Use.HEADING, name)
                )
        for field_ in _ASSIGNED:
            if entry.owns(field_):
                above[field_] = entry.text(field_) or above.get(field_, "")

    def _reference(self, entry: _Entry) -> str:
        """'II.1' for row 1 of section II; an unnumbered task under a section is lettered."""
        number = entry.number.rstrip(".)")
        if not number:
            earlier = [e for e in self.entries if e.numerals == entry.numerals and not e.number]
            count = next(i for i, e in enumerate(earlier) if e is entry)
            number = entry.marker if entry.marker.isalpha() else chr(ord("a") + count)
            if self.number is None:
                number = str(count + 1)  # the table numbers nothing: tasks go by their order
        return ".".join([*entry.numerals, number])

    def _task(self, entry: _Entry, reference: str, above: dict[str, str]) -> None:
        reference = self._unique(f"{self.short_label} {reference}".strip(), entry)
        label = entry.text("name")
        for name, pieces in entry.pieces.items():
            for piece in pieces:
                use, key = (Use.HEADING, label) if name == "name" else (Use.TASK, reference)
                self.ledger.append(
                    CellUse(
                        piece.row.origin,
                        piece.column,
                        piece.text,
                        use,
                        key,
                        "" if name == "name" else name,
                        piece.joined_with,
                    )
                )
        cells = {m: self._field(entry, name, above) for m, name in _by_meaning().items()}
        context = [*entry.headings, *_group_names(entry), *([label] if label else [])]
        area = area_of(context, self.default)
        self.drafts.append(
            TaskDraft(
                reference,
                [entry.text("text")],
                [],
                Place(self.label, entry.position, None, entry.first.origin),
                cells,
                areas=[area] if area else [],
                context=" › ".join(context),
            )
        )

    def _field(self, entry: _Entry, name: str, above: dict[str, str]) -> str:
        """Its own cell; else the cell merged down over it, or its group row's."""
        own = entry.text(name)
        if own or name not in _ASSIGNED:
            if own:
                above[name] = own
            return own
        if name in entry.merged:
            return above.get(name, "")
        parent = entry.parent
        if parent is not None and parent.owns(name):
            return parent.text(name) or above.get(name, "")
        return ""

    def _unique(self, reference: str, entry: _Entry) -> str:
        count = self.references.get(reference, 0)
        self.references[reference] = count + 1
        if count == 0:
            return reference
        renamed = f"{reference}-{count + 1}"
        self.findings.warning(
            f"số thứ tự {reference} lặp lại: nhiệm vụ này được ghi là {renamed}",
            Place(self.label, entry.position, None, entry.first.origin),
        )
        return renamed


def _caption_heading(table: RawTable) -> list[tuple[str, str]]:
    if not table.caption:
        return []
    found = _NUMBERED_HEADING.match(prose_text(table.caption[-1].text))
    return [(found.group(1), found.group(2))] if found else []


def _group_names(entry: _Entry) -> list[str]:
    names: list[str] = []
    parent = entry.parent
    while parent is not None:
        names.insert(0, parent.title)
        parent = parent.parent
    return names


def _by_meaning() -> dict[Meaning, str]:
    return {m: name for m, name in _FIELDS.items() if m is not Meaning.START}


def _level(numeral: str) -> int:
    """Letters (A, B) hold Roman sections (I, II), which hold unnumbered headings."""
    if not numeral:
        return 2
    return 0 if len(numeral) == 1 and numeral in "ABCDEFGH" else 1


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
