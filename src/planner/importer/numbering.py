"""The numbering of table rows: section numerals (I, II, "VII I"; A, B) and criterion codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.domain.criterion import CriterionCode

_ROMAN = re.compile(r"^L?X{0,3}(?:IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_LETTER = re.compile(r"^([A-H])\s*[.)]?$")
_PREFIXED = re.compile(
    r"^(?:TCTP|TC|tiêu chí thành phần|tiêu chí)\s*(\d{1,2}(?:\s*\.\s*\d{1,2})*)\s*\.?\s*(.*)$",
    re.IGNORECASE,
)
_BARE_IN_NAME = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$")
_BARE = re.compile(r"^(\d{1,2}(?:\s*\.\s*\d{1,2})*)\s*\.?$")


@dataclass(frozen=True)
class SectionNumber:
    numeral: str  # "VIII", a letter "A", or "" for a heading without a number
    rest: str  # words written in the same cell after the numeral

    @property
    def value(self) -> int | None:
        """VIII → 8; letters and unnumbered headings have no area number."""
        return roman_value(self.numeral)


def roman_value(numeral: str) -> int | None:
    if not numeral or not _ROMAN.match(numeral):
        return None
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def section_number(text: str) -> SectionNumber | None:
    """'III', 'VIII TÁC ĐỘNG CỦA CCHC', 'VII I' (VIII split by a space), 'A.' or 'B'."""
    if letter := _LETTER.match(text):
        return SectionNumber(letter.group(1), "")
    words = text.split()
    numeral = ""
    used = 0
    for count in range(1, len(words) + 1):
        joined = "".join(words[:count]).rstrip(".")
        if not joined or not set(joined) <= set(_ROMAN_VALUES) or not _ROMAN.match(joined):
            break
        numeral, used = joined, count
    if not numeral:
        return None
    return SectionNumber(numeral, " ".join(words[used:]).lstrip(".-–: ").strip())


def code_in_name(text: str) -> tuple[CriterionCode, str] | None:
    """'TC 1.2. Thực hiện…', 'TCTP 3.2.3. Công khai…' or '1.2.3. Tên…' → (code, name)."""
    match = _PREFIXED.match(text) or _BARE_IN_NAME.match(text)
    if match is None:
        return None
    return CriterionCode.parse(match.group(1).replace(" ", "")), match.group(2).strip()


def code_in_number(text: str) -> CriterionCode | None:
    """The numbering cell as a code: '1', '1.2', '2.3.1.'."""
    match = _BARE.match(text)
    return CriterionCode.parse(match.group(1).replace(" ", "")) if match else None
