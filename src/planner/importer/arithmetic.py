"""Arithmetic of a criteria table: a parent's points against the sum of its children's.

Each area against its criteria, each criterion against its sub-criteria, the stated total
("TỔNG ĐIỂM") against the areas: max points, last year's points and numeric targets. A
difference larger than the documents' own rounding is a warning naming the rows and the
numbers. A parent whose children skip numbers (1.3, 1.5) lists only some of them, and
percentages (SIPAS) are averages, not sums: neither is checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from planner.domain.criterion import CriterionCode
from planner.importer.criteria_rows import CriterionLine, Number
from planner.importer.findings import Findings
from planner.presentation.vietnamese import format_number


@dataclass(frozen=True)
class Measure:
    label: str  # "điểm tối đa", "mục tiêu năm 2023"
    value: Callable[[CriterionLine], Number | None]


def measures(lines: list[CriterionLine], percent: bool) -> list[Measure]:
    """What can be summed in this table: max points, achieved points, each year's target."""
    found = [Measure("điểm tối đa", lambda line: line.max_points)]
    if percent:
        return found
    years = sorted({y for line in lines for y in line.target_numbers})
    achieved = next((line.achieved_year for line in lines if line.achieved_year), None)
    if achieved is not None:
        found.append(Measure(f"điểm đạt được năm {achieved}", lambda line: line.achieved))
    found += [Measure(f"mục tiêu năm {year}", _target_of(year)) for year in years]
    return found


def check_sums(lines: list[CriterionLine], percent: bool, findings: Findings) -> int:
    """Warn about every parent whose figures differ from its children's; returns how many."""
    distinct = _without_repeats(lines)
    mismatches = 0
    for measure in measures(distinct, percent):
        for parent in distinct:
            children = [c for c in distinct if c.code.parent == parent.code and not c.is_total]
            stated = measure.value(parent)
            figures = [measure.value(c) for c in children]
            if stated is None or not children or any(f is None for f in figures):
                continue
            if not _listed_in_full(children):
                continue
            numbers = [f for f in figures if f is not None]
            total = sum((n.value for n in numbers), Decimal(0))
            if not _may_agree(stated, numbers):
                mismatches += 1
                findings.warning(_message(measure, parent, children, stated, total), parent.place)
    return mismatches


def _listed_in_full(children: list[CriterionLine]) -> bool:
    """Rows 1.3 and 1.5 under 1: a plan listing only the criteria that lost points does
    not give them all, so their sum says nothing about the parent."""
    lasts = [c.code.parts[-1] for c in children]
    if not all(last.isdigit() for last in lasts):
        return True
    return sorted({int(last) for last in lasts}) == list(range(1, len(set(lasts)) + 1))


def _target_of(year: int) -> Callable[[CriterionLine], Number | None]:
    return lambda line: line.target_numbers.get(year)


def _without_repeats(lines: list[CriterionLine]) -> list[CriterionLine]:
    """A row repeated on the next page (same code, same figures) counts once."""
    kept: list[CriterionLine] = []
    for line in lines:
        if not any(_same(line, k) for k in kept):
            kept.append(line)
    return kept


def _same(one: CriterionLine, other: CriterionLine) -> bool:
    return (one.code, one.max_points, one.achieved, one.target_numbers) == (
        other.code,
        other.max_points,
        other.achieved,
        other.target_numbers,
    )


def _may_agree(stated: Number, children: list[Number]) -> bool:
    """Whether the figures could agree before the document rounded them.

    Whole numbers are exact; a figure is within half a unit of its last decimal, or within
    a whole unit when it shows fewer decimals than the others (cut short: 0,196 for 0,1967).
    """
    finest = max(n.places for n in [stated, *children])
    low, high = _bounds(stated, finest)
    sums = [_bounds(child, finest) for child in children]
    return sum(b[0] for b in sums) <= high and sum(b[1] for b in sums) >= low


def _bounds(number: Number, finest: int) -> tuple[Decimal, Decimal]:
    if number.places == 0:
        return number.value, number.value
    unit = Decimal(1).scaleb(-number.places)
    above = unit if number.places < finest else unit / 2
    return number.value - unit / 2, number.value + above


def _message(
    measure: Measure,
    parent: CriterionLine,
    children: list[CriterionLine],
    stated: Number,
    total: Decimal,
) -> str:
    name = _named(parent.code, parent.name)
    listed = ", ".join(str(c.code) for c in children)
    return (
        f"{measure.label} của {name} ghi {format_number(stated.value)} nhưng các dòng con "
        f"({listed}; {_rows(children)}) cộng lại {format_number(total)}"
    )


def _rows(children: list[CriterionLine]) -> str:
    """'dòng 303, 304, 305' (or 'bảng 3, hàng 14, 15' in a Word document)."""
    origins = [c.place.origin for c in children if c.place.origin is not None]
    if not origins:
        return ""
    first = origins[0]
    place = f"{first.part}, " if first.part else ""
    return f"{place}{first.unit} " + ", ".join(str(o.line) for o in origins)


def _named(code: CriterionCode, name: str) -> str:
    return f"'{name}'" if code.is_total else f"{code}"
