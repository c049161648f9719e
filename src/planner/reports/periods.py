"""Kỳ báo cáo: a quarter or a year, with the days it covers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from planner.domain.errors import InvalidValue
from planner.domain.schedule import clamp_day

ROMAN = ("I", "II", "III", "IV")
_QUARTER_FIRST = re.compile(r"^(\d{4})\s*-?\s*Q\s*(\d+)$", re.IGNORECASE)
_QUARTER_LAST = re.compile(r"^Q\s*(\d+)\s*[/\-]\s*(\d{4})$", re.IGNORECASE)
_QUARTER_ROMAN = re.compile(r"^(?:QUÝ\s+)?(IV|III|II|I)\s*/\s*(\d{4})$", re.IGNORECASE)
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


@dataclass(frozen=True)
class ReportPeriod:
    """A quarter (`quarter` 1–4) or a whole year (`quarter` None)."""

    year: int
    quarter: int | None = None

    @classmethod
    def of_quarter(cls, year: int, quarter: int, *, where: str = "--quarter") -> ReportPeriod:
        if not 1 <= quarter <= 4:
            raise InvalidValue(f"{where}: quý {quarter} không tồn tại (chỉ có quý 1 đến 4)")
        return cls(_checked_year(year, where), quarter)

    @classmethod
    def of_year(cls, year: int, *, where: str = "--year") -> ReportPeriod:
        return cls(_checked_year(year, where))

    @classmethod
    def parse_quarter(cls, text: str, *, where: str = "--quarter") -> ReportPeriod:
        """Read 2023Q3, 2023-Q3, Q3/2023 or "Quý III/2023"."""
        raw = text.strip()
        named = f"{where} '{raw}'"
        if match := _QUARTER_FIRST.match(raw):
            return cls.of_quarter(int(match.group(1)), int(match.group(2)), where=named)
        if match := _QUARTER_LAST.match(raw):
            return cls.of_quarter(int(match.group(2)), int(match.group(1)), where=named)
        if match := _QUARTER_ROMAN.match(raw):
            quarter = ROMAN.index(match.group(1).upper()) + 1
            return cls.of_quarter(int(match.group(2)), quarter, where=named)
        raise InvalidValue(f"{where}: '{text}' không phải là quý (ví dụ: 2023Q3 hoặc Q3/2023)")

    @classmethod
    def parse_year(cls, text: str, *, where: str = "--year") -> ReportPeriod:
        if match := _YEAR.match(text):
            return cls.of_year(int(match.group(1)), where=where)
        raise InvalidValue(f"{where}: '{text}' không phải là năm (ví dụ: 2023)")

    @property
    def is_quarter(self) -> bool:
        return self.quarter is not None

    @property
    def starts_on(self) -> date:
        return date(self.year, 1 if self.quarter is None else self.quarter * 3 - 2, 1)

    @property
    def ends_on(self) -> date:
        return clamp_day(self.year, 12 if self.quarter is None else self.quarter * 3, 0)

    @property
    def previous(self) -> ReportPeriod:
        """The quarter before (Q4 of last year before Q1), or last year."""
        if self.quarter is None:
            return ReportPeriod(self.year - 1)
        if self.quarter == 1:
            return ReportPeriod(self.year - 1, 4)
        return ReportPeriod(self.year, self.quarter - 1)

    @property
    def key(self) -> str:
        """The key of this period's occurrence of a recurring task: 2023-Q3, or 2023."""
        return str(self.year) if self.quarter is None else f"{self.year}-Q{self.quarter}"

    @property
    def label(self) -> str:
        """As reports title it: "Quý III/2023", "Năm 2023"."""
        if self.quarter is None:
            return f"Năm {self.year}"
        return f"Quý {ROMAN[self.quarter - 1]}/{self.year}"


def _checked_year(year: int, where: str) -> int:
    if not 2000 <= year <= 2100:
        raise InvalidValue(f"{where}: năm {year} không hợp lệ")
    return year
