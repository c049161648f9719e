"""Finding the tables of a document: where each starts (its header), continues and ends.

A table split over pages, with its header repeated, is one table; so are Word tables that
follow each other with nothing written in between. The paragraphs just before a table are
its caption ("Phụ lục 2. MỤC TIÊU…", "Bảng 1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planner.importer.cells import cell_text, paragraphs, prose_text
from planner.importer.headers import Layout, recognise
from planner.importer.numbering import section_number
from planner.importer.source import Block, Gap, Origin, Paragraph, Row, SourceDocument
from planner.importer.spelling import words_key

_CAPTION_START = re.compile(r"^(?:phụ lục|bảng\s*\d|biểu\s*\d|\(?ban hành kèm theo|\(?kèm theo)")
_LABEL = re.compile(r"^(phụ lục|bảng|biểu)\s*(?:số\s*)?(\d+|[ivx]+)?", re.IGNORECASE)
_SHORT_LABELS = {"phụ lục": "PL", "bảng": "B", "biểu": "BM"}
_HEADER_WORDS = 8  # a header cell names a column in a few words
_LETTERHEAD = re.compile(
    r"^(?:số\s*:|cộng hòa xã hội|cộng hoà xã hội|độc lập\s*[-–]|ủy ban nhân dân|uỷ ban nhân dân"
    r"|ubnd tỉnh|[^,]{2,40},\s*ngày\s+\d)"
)
_SIGNATURE = re.compile(r"^(?:nơi nhận\s*:|tm\.|t/m|kt\.)")  # ends a table it follows


@dataclass
class RawTable:
    number: int
    layout: Layout
    caption: list[Paragraph]
    rows: list[Row] = field(default_factory=list)
    repeated_headers: int = 0
    headers: list[Row] = field(default_factory=list)  # its header rows, repeats included
    resumed: set[Origin] = field(default_factory=set)  # first rows after a repeated header

    @property
    def label(self) -> str:
        """How people name the table: 'Phụ lục 2', 'Bảng 1', or 'bảng thứ 3' by its order."""
        found = self._named()
        if found is None:
            return f"bảng thứ {self.number}"
        kind, number = found
        return f"{kind.capitalize()} {number}".strip()

    @property
    def short_label(self) -> str:
        """'PL2', 'B1', 'PL': how the references of the table's tasks start."""
        found = self._named()
        if found is None:
            return f"T{self.number}"
        kind, number = found
        return f"{_SHORT_LABELS[kind]}{number.upper()}"

    def _named(self) -> tuple[str, str] | None:
        for paragraph in self.caption:
            match = _LABEL.match(prose_text(paragraph.text))
            kind = match.group(1).casefold() if match else ""
            if match and (kind == "phụ lục" or match.group(2)):  # not "Bảng phân công …"
                return kind, match.group(2) or ""
        return None

    @property
    def caption_text(self) -> str:
        return " ".join(prose_text(p.text) for p in self.caption)


@dataclass
class StrayRows:
    """Rows under no header planner recognises: reported, not read."""

    rows: list[Row] = field(default_factory=list)


@dataclass
class Segmented:
    tables: list[RawTable]
    strays: list[StrayRows]
    paragraphs: list[Paragraph]


def segment(document: SourceDocument) -> Segmented:
    return _Segmenter(document).run()


class _Segmenter:
    def __init__(self, document: SourceDocument) -> None:
        self.blocks = document.blocks
        self.loose_layout = document.format == "xlsx"
        self.tables: list[RawTable] = []
        self.strays: list[StrayRows] = []
        self.paragraphs: list[Paragraph] = []
        self.since_table: list[Paragraph] = []
        self.open: RawTable | StrayRows | None = None
        self.gaps = 0
        self.resumes = False  # the last rows read were a repeated header

    def run(self) -> Segmented:
        position = 0
        while position < len(self.blocks):
            position += self._take(position)
        return Segmented(self.tables, self.strays, self.paragraphs)

    def _take(self, position: int) -> int:
        block = self.blocks[position]
        if isinstance(block, Gap):
            self.gaps += 1
            if self.loose_layout and self.gaps >= 2:
                self.open = None
            return 1
        self.gaps = 0
        if isinstance(block, Paragraph):
            self._paragraph(block)
            return 1
        return self._row(block, position)

    def _paragraph(self, paragraph: Paragraph) -> None:
        self.open = None
        self.paragraphs.append(paragraph)
        self.since_table.append(paragraph)

    def _row(self, row: Row, position: int) -> int:
        lone = _lone_first_cell(row)
        if lone is not None and self.loose_layout and not self._table_row_in_sheet(lone):
            self._paragraph(Paragraph(lone, row.origin))
            return 1
        if lone is not None and not isinstance(self.open, RawTable) and self._continued() is None:
            self._paragraph(Paragraph(lone, row.origin))  # a caption in the table's first rows
            return 1
        if _letterhead(row, _SIGNATURE) or (
            not isinstance(self.open, RawTable) and _letterhead(row, _LETTERHEAD)
        ):
            for cell in row.cells:
                for text in paragraphs(cell):
                    self._paragraph(Paragraph(text, row.origin))
            return 1
        following = self.blocks[position + 1] if position + 1 < len(self.blocks) else None
        rows = [row.cells] + ([following.cells] if isinstance(following, Row) else [])
        layout = recognise(rows)
        repeated = layout is not None and self._repeats_open_header(layout)
        if layout is not None and (repeated or self._new_header(row)):
            if not repeated:
                self._start(layout)
            after = position + layout.rows
            numbered = after < len(self.blocks) and _column_numbers(self.blocks[after])
            taken = layout.rows + (1 if numbered else 0)
            table = self.open
            assert isinstance(table, RawTable)
            header = self.blocks[position : position + taken]
            table.headers.extend(b for b in header if isinstance(b, Row))
            self.resumes = repeated
            return taken
        if self.open is None:
            self.open = self._continued() or StrayRows()
            if isinstance(self.open, StrayRows):
                self.strays.append(self.open)
        if self.resumes and isinstance(self.open, RawTable):
            self.open.resumed.add(row.origin)
        self.resumes = False
        self.open.rows.append(row)
        return 1

    def _new_header(self, row: Row) -> bool:
        """Inside a table, only a row that reads as a header starts another table: short
        headings, no bullet, no sentence ("Thực hiện nhiệm vụ theo dõi…" is a task)."""
        if not isinstance(self.open, RawTable) and self._continued() is None:
            return True
        texts = [cell_text(c) for c in row.cells if cell_text(c)]
        return all(len(t.split()) <= _HEADER_WORDS and not t.startswith(("-", "+")) for t in texts)

    def _table_row_in_sheet(self, text: str) -> bool:
        """In a sheet, a lone text in the first column is a row of an open table only if it
        reads as a section heading; captions and prose end the table."""
        words = words_key(prose_text(text))
        if _CAPTION_START.match(words):
            return False
        if not isinstance(self.open, RawTable):
            return False
        letters = [c for c in text if c.isalpha()]
        upper = sum(c.isupper() for c in letters)
        return section_number(text) is not None or (bool(letters) and upper / len(letters) > 0.8)

    def _repeats_open_header(self, layout: Layout) -> bool:
        table = self.open if isinstance(self.open, RawTable) else self._continued()
        if isinstance(table, RawTable) and table.layout.signature == layout.signature:
            table.repeated_headers += 1
            self.open = table
            return True
        return False

    def _continued(self) -> RawTable | None:
        """The last table goes on if nothing but empty lines came after it."""
        if self.tables and not self.since_table and self.open is None:
            return self.tables[-1]
        return None

    def _start(self, layout: Layout) -> None:
        table = RawTable(len(self.tables) + 1, layout, _caption(self.since_table))
        self.tables.append(table)
        self.open = table
        self.since_table = []


def _caption(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """From the last 'Phụ lục'/'Bảng' line on, or else the last two paragraphs."""
    for start in range(len(paragraphs) - 1, -1, -1):
        if _LABEL.match(prose_text(paragraphs[start].text)):
            return paragraphs[start:]
    return paragraphs[-2:]


def _column_numbers(block: Block) -> bool:
    """The row under a header that numbers its columns: 1, 2, 3… or (1), (2), (3)…"""
    if not isinstance(block, Row):
        return False
    numbers = [cell_text(c).strip("()") for c in block.cells if cell_text(c)]
    if len(numbers) < 3 or not all(n.isdigit() for n in numbers):
        return False
    return [int(n) for n in numbers] == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))


def _letterhead(row: Row, wording: re.Pattern[str]) -> bool:
    """The document's heading or signature laid out as a table without borders, as the rules
    for administrative documents have it: 'ỦY BAN NHÂN DÂN TỈNH …' beside 'CỘNG HÒA …', 'Số: …'
    beside '…, ngày …'; 'Nơi nhận:' beside 'TM. ỦY BAN NHÂN DÂN'."""
    return any(wording.match(words_key(prose_text(cell_text(c)))) for c in row.cells)


def _lone_first_cell(row: Row) -> str | None:
    texts = [cell_text(c) for c in row.cells]
    if texts and texts[0] and not any(texts[1:]):
        return texts[0]
    return None
