"""Indices and their criteria: Lĩnh vực / Tiêu chí (TC) / Tiêu chí thành phần (TCTP)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from planner.domain.errors import InvalidValue
from planner.domain.text import clean


class Index(StrEnum):
    """Chỉ số: the three provincial indices the plans aim to raise."""

    PAR_INDEX = "PAR_INDEX"
    SIPAS = "SIPAS"
    PAPI = "PAPI"

    @classmethod
    def parse(cls, text: str) -> Index:
        """Read "PAR INDEX", "par_index", "Chỉ số CCHC", "SIPAS" or "PAPI"."""
        key = re.sub(r"[\s_\-]", "", clean(text)).upper()
        aliases = {"PARINDEX": cls.PAR_INDEX, "PAR": cls.PAR_INDEX, "CHỈSỐCCHC": cls.PAR_INDEX}
        if key in aliases:
            return aliases[key]
        if key in cls.__members__:
            return cls[key]
        raise InvalidValue(f"chỉ số '{text}' không hợp lệ (PAR INDEX, SIPAS hoặc PAPI)")


class Level(StrEnum):
    """Where a row sits in the criteria tree."""

    INDEX = "index"
    AREA = "area"
    CRITERION = "criterion"
    SUB_CRITERION = "sub_criterion"

    @classmethod
    def for_depth(cls, depth: int) -> Level:
        """Area for "1", criterion for "1.2", sub-criterion for "1.2.3" and deeper."""
        return {0: cls.INDEX, 1: cls.AREA, 2: cls.CRITERION}.get(depth, cls.SUB_CRITERION)


_PREFIX = re.compile(r"^(?:TCTP|TC|TIÊU CHÍ THÀNH PHẦN|TIÊU CHÍ|LĨNH VỰC)\s*\.?\s*", re.IGNORECASE)
_SEGMENT = re.compile(r"^(?:\d{1,3}|[IVXL]{1,6})$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _segment_order(segment: str) -> tuple[int, int]:
    if segment.isdigit():
        return (1, int(segment))
    total = 0
    for char, following in zip(segment, [*segment[1:], ""], strict=True):
        value = _ROMAN[char]
        total += -value if following and _ROMAN[following] > value else value
    return (0, total)


@dataclass(frozen=True)
class CriterionCode:
    """A criterion's code such as 3.2.3; "TC 1.2." and "TCTP 3.2.3." are read the same way."""

    parts: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> CriterionCode:
        """Read a code with or without its "TC"/"TCTP" prefix and trailing dot."""
        raw = _PREFIX.sub("", clean(text)).strip().rstrip(".").strip()
        parts = tuple(part.strip() for part in raw.split(".")) if raw else ()
        if not parts or not all(_SEGMENT.match(part) for part in parts):
            raise InvalidValue(f"mã tiêu chí '{text}' không hợp lệ (ví dụ: 1.2 hoặc TCTP 3.2.3)")
        return cls(tuple(str(int(p)) if p.isdigit() else p for p in parts))

    @classmethod
    def total(cls) -> CriterionCode:
        """The index as a whole ("TỔNG ĐIỂM"), above every area."""
        return cls(())

    @property
    def is_total(self) -> bool:
        return not self.parts

    @property
    def depth(self) -> int:
        return len(self.parts)

    @property
    def parent(self) -> CriterionCode | None:
        """3.2.3 → 3.2 → 3 → the index total; the total has no parent."""
        return CriterionCode(self.parts[:-1]) if self.parts else None

    @property
    def area(self) -> CriterionCode:
        return CriterionCode(self.parts[:1])

    def sort_key(self) -> tuple[tuple[int, int], ...]:
        """Numeric order: 1.2 before 1.10, I before II before 1."""
        return tuple(_segment_order(part) for part in self.parts)

    def __str__(self) -> str:
        return ".".join(self.parts)


@dataclass(frozen=True)
class CriterionRef:
    """A criterion of one index that a task serves."""

    index: Index
    code: CriterionCode

    @classmethod
    def parse(cls, text: str, default_index: Index = Index.PAR_INDEX) -> CriterionRef:
        """Read "SIPAS:1.2" or a bare code (taken to belong to the default index)."""
        if ":" in text:
            index_text, code_text = text.split(":", 1)
            return cls(Index.parse(index_text), CriterionCode.parse(code_text))
        return cls(default_index, CriterionCode.parse(text))

    def __str__(self) -> str:
        return f"{self.index.value}:{self.code}"
