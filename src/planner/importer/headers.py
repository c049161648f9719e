"""What each column of a table holds, told by its header's wording, not by its position.

Documents word the same column many ways ("TT", "STT", "Số TT"; "Điểm tối đa", "Điểm
chuẩn"; "Nhiệm vụ, giải pháp", "Nhiệm vụ cụ thể"; "Thời gian thực hiện", "Tiến độ"), and
some headers take two rows: "Tỷ lệ (%)" above "Kết quả năm 2022" and "Mục tiêu năm 2023".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from planner.importer.cells import cell_text
from planner.importer.spelling import words_key


class Meaning(StrEnum):
    NUMBER = "number"  # TT, STT: row numbers or criterion codes
    NAME = "name"  # Lĩnh vực / Tiêu chí / Tiêu chí thành phần
    MAX_POINTS = "max_points"  # Điểm tối đa, Điểm chuẩn
    ACHIEVED = "achieved"  # Điểm đạt được năm 2022, Kết quả năm 2022
    TARGET = "target"  # Mục tiêu năm 2023
    TASK = "task"  # Nhiệm vụ, giải pháp
    ACTION = "action"  # Thực hiện: who does what, in one sentence
    LEAD = "lead"  # Cơ quan chủ trì
    COORDINATING = "coordinating"  # Cơ quan phối hợp
    START = "start"  # Thời gian bắt đầu, beside a column for the end
    SCHEDULE = "schedule"  # Thời gian thực hiện, Tiến độ, Thời gian kết thúc
    OUTPUT = "output"  # Kết quả/sản phẩm
    NOTES = "notes"  # Ghi chú
    UNKNOWN = "unknown"


class TableKind(StrEnum):
    CRITERIA = "criteria"  # criteria with their points and targets
    TASKS = "tasks"  # tasks only
    MIXED = "mixed"  # criteria and the tasks serving them
    CRITERIA_FRAMEWORK = "criteria_framework"  # criteria with max points only (Bộ tiêu chí)


_NUMBER = re.compile(r"^(?:s[ốo]\s*)?tt$|^stt$|^(?:số\s+)?thứ tự$|^mã(?: số| tiêu chí)?$|^số$")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_RULES: tuple[tuple[Meaning, re.Pattern[str]], ...] = (
    (
        Meaning.LEAD,
        re.compile(
            r"chủ trì|chịu trách nhiệm|trách nhiệm thực hiện"
            r"|^(?:cơ quan|đơn vị)(?:,? (?:cơ quan|đơn vị))? thực hiện$"
        ),
    ),
    (Meaning.COORDINATING, re.compile(r"phối hợp")),
    (Meaning.START, re.compile(r"bắt đầu|khởi động|^từ ngày|^từ$")),
    (
        Meaning.SCHEDULE,
        re.compile(r"thời gian|tiến độ|thời hạn|hạn hoàn thành|thời điểm|kết thúc|^hoàn thành$"),
    ),
    (Meaning.OUTPUT, re.compile(r"sản phẩm|kết quả (?:dự kiến|đầu ra)|hình thức văn bản")),
    (Meaning.TARGET, re.compile(r"mục tiêu|chỉ tiêu|phấn đấu|phân đấu|dự kiến đạt")),
    (Meaning.MAX_POINTS, re.compile(r"điểm (?:tối đa|chuẩn)|thang điểm|^điểm$|tối đa")),
    (Meaning.ACHIEVED, re.compile(r"đạt được|^điểm (?:năm|tự|thẩm)|kết quả|tự đánh giá")),
    (Meaning.TASK, re.compile(r"nhiệm vụ|giải pháp|công việc|hoạt động|nội dung thực hiện")),
    (Meaning.ACTION, re.compile(r"^(?:tổ chức |phân công )?thực hiện$")),
    (Meaning.NAME, re.compile(r"lĩnh vực|tiêu chí|chỉ số|^nội dung|^tên")),
    (Meaning.NOTES, re.compile(r"ghi chú")),
)
POINT_MEANINGS = (Meaning.MAX_POINTS, Meaning.ACHIEVED, Meaning.TARGET)
_PERCENT = re.compile(r"%|tỷ lệ|tỉ lệ")
_DATA = re.compile(r"\d+(?:[.,]\d+)?%?")
_SHORT = 10  # words: header cells are short, a task's text is not


@dataclass(frozen=True)
class Column:
    position: int
    header: str
    meaning: Meaning
    year: int | None = None
    percent: bool = False


@dataclass(frozen=True)
class Layout:
    """A recognised header: its columns, and how many rows the header takes."""

    columns: tuple[Column, ...]
    rows: int

    def first(self, meaning: Meaning) -> Column | None:
        return next((c for c in self.columns if c.meaning is meaning), None)

    def all(self, meaning: Meaning) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.meaning is meaning)

    def has(self, *meanings: Meaning) -> bool:
        return any(self.first(m) is not None for m in meanings)

    @property
    def kind(self) -> TableKind:
        if self.has(Meaning.TASK, Meaning.ACTION):
            return TableKind.MIXED if self.has(*POINT_MEANINGS) else TableKind.TASKS
        if self.has(Meaning.ACHIEVED, Meaning.TARGET):
            return TableKind.CRITERIA
        return TableKind.CRITERIA_FRAMEWORK

    @property
    def percent(self) -> bool:
        return any(c.percent for c in self.columns if c.meaning in POINT_MEANINGS)

    @property
    def signature(self) -> tuple[tuple[Meaning, int | None, bool], ...]:
        """What the columns hold: a header repeated with a typo still says the same."""
        return tuple((c.meaning, c.year, c.percent) for c in self.columns)


def recognise(rows: Sequence[tuple[str, ...]]) -> Layout | None:
    """The layout the first row (with a second header row beneath it) describes, if any."""
    if not rows:
        return None
    first = tuple(cell_text(c) for c in rows[0])
    second = tuple(cell_text(c) for c in rows[1]) if len(rows) > 1 else ()
    if _is_subheader(first, second):
        layout = _layout(_combined(first, second), 2)
        if layout is not None:
            return layout
    return _layout(first, 1)


def _layout(headers: tuple[str, ...], rows: int) -> Layout | None:
    if any(_DATA.fullmatch(words_key(h)) for h in headers):
        return None
    columns = tuple(_column(position, header) for position, header in enumerate(headers))
    meanings = {c.meaning for c in columns} - {Meaning.UNKNOWN}
    if len(meanings) < 2 or not meanings & {Meaning.NAME, Meaning.TASK, Meaning.ACTION}:
        return None
    return Layout(_settled(columns), rows)


def _column(position: int, header: str) -> Column:
    words = words_key(header)
    year = int(found.group(1)) if (found := _YEAR.search(words)) else None
    lowest = words.rsplit(" / ", 1)[-1]
    return Column(position, header, meaning(lowest), year, bool(_PERCENT.search(words)))


def meaning(words: str) -> Meaning:
    """The meaning of one header cell's wording (already case-folded)."""
    if not words:
        return Meaning.UNKNOWN
    if _NUMBER.match(words):
        return Meaning.NUMBER
    return next((found for found, rule in _RULES if rule.search(words)), Meaning.UNKNOWN)


def _settled(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """Wordings that depend on the other columns; one column each for NAME, TASK, LEAD..."""
    present = {c.meaning for c in columns}
    scored = bool(present & {Meaning.MAX_POINTS, Meaning.TARGET})
    settled: list[Column] = []
    for column in columns:
        found = column.meaning
        words = words_key(column.header)
        if found is Meaning.NAME and words.startswith("nội dung") and not scored:
            found = Meaning.UNKNOWN if Meaning.TASK in present else Meaning.TASK
        if found is Meaning.ACHIEVED and words == "kết quả" and not scored:
            found = Meaning.OUTPUT
        repeatable = found in (Meaning.TARGET, Meaning.ACHIEVED, Meaning.UNKNOWN)
        if not repeatable and any(c.meaning is found for c in settled):
            found = Meaning.UNKNOWN
        settled.append(Column(column.position, column.header, found, column.year, column.percent))
    return tuple(settled)


def _is_subheader(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """A second header row starts empty and words the columns a heading above spans."""
    texts = [text for text in second if text]
    if not texts or second[0] or any(len(text.split()) > _SHORT for text in texts):
        return False
    if any(meaning(words_key(text)) is Meaning.UNKNOWN for text in texts):
        return False
    under_empty = any(not top and below for top, below in zip(first, second, strict=False))
    return under_empty or any(_PERCENT.search(words_key(top)) for top in first)


def _combined(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """'Tỷ lệ (%) / Kết quả năm 2022': a heading spanning columns, with each one's own words."""
    combined = []
    spanning = ""
    for position, top in enumerate(first):
        below = second[position] if position < len(second) else ""
        if top or not below:
            spanning = top if below else ""
        heading = top or spanning
        combined.append(f"{heading} / {below}" if heading and below else heading or below)
    return tuple(combined)
