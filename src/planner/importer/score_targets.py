"""Criterion lines as score targets: one per criterion and target year.

A table with "Mục tiêu năm 2019" and "Mục tiêu năm 2020" gives two targets per criterion;
last year's points ("Điểm đạt được năm 2018") belong to the year after them. A criterion
listed again with the same figures (a table continued on the next page) is the same one;
listed again with other figures it is a duplicated code: the first row is kept, and a
warning names both rows and their numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from planner.application.plan_document import TargetEntry
from planner.domain.criterion import CriterionCode, Index, Level
from planner.domain.score_target import Definition
from planner.domain.target import Target, TargetKind
from planner.importer.criteria_rows import CriterionLine
from planner.importer.findings import Findings, Place
from planner.presentation.vietnamese import format_number


@dataclass(frozen=True)
class _Kept:
    entry: TargetEntry
    place: Place


class ScoreTargets:
    """Targets collected from every table of a document, keyed by index, code and year."""

    def __init__(self, findings: Findings) -> None:
        self.findings = findings
        self.kept: dict[tuple[Index, CriterionCode, int], _Kept] = {}

    @property
    def entries(self) -> tuple[TargetEntry, ...]:
        return tuple(kept.entry for kept in self.kept.values())

    def add(self, lines: list[CriterionLine], index: Index, years: list[int]) -> None:
        """Add a table's criteria, one target per criterion and year."""
        for line in lines:
            for year in years:
                definition = self._definition(line, year)
                self._keep(TargetEntry(index, line.code, year, definition, str(line.place)), line)

    def _definition(self, line: CriterionLine, year: int) -> Definition:
        maximum = line.max_points.value if line.max_points else None
        last = line.achieved.value if line.achieved and line.achieved_year == year - 1 else None
        target = line.targets.get(year, Target(TargetKind.TEXT, None, ""))
        if maximum is not None and last is not None and last > maximum:
            self.findings.warning(
                f"điểm đạt được {format_number(last)} vượt điểm tối đa {format_number(maximum)}: "
                "không ghi điểm năm trước của tiêu chí này",
                line.place,
            )
            last = None
        return Definition(
            name=line.name,
            level=Level.INDEX if line.is_total else Level.for_depth(line.code.depth),
            max_points=maximum,
            last_year_points=last,
            target=self._checked_target(target, maximum, line.place),
            survey_based=line.survey_based,
            not_evaluated=line.not_evaluated,
        )

    def _checked_target(self, target: Target, maximum: Decimal | None, place: Place) -> Target:
        """A numeric target above the maximum (or 100 %) is kept as the words written."""
        limit = Decimal(100) if target.kind is TargetKind.PERCENT else maximum
        if target.value is None or limit is None or target.value <= limit:
            return target
        self.findings.warning(
            f"mục tiêu {target.text} vượt mức tối đa {format_number(limit)}: ghi như lời văn",
            place,
        )
        return Target(TargetKind.TEXT, None, target.text)

    def _keep(self, entry: TargetEntry, line: CriterionLine) -> None:
        key = (entry.index, entry.code, entry.year)
        kept = self.kept.get(key)
        if kept is None:
            self.kept[key] = _Kept(entry, line.place)
            return
        if _figures(kept.entry.definition) != _figures(entry.definition):
            self.findings.warning(_duplicate(kept, entry), line.place)
        elif not kept.entry.definition.target.text and entry.definition.target.text:
            self.kept[key] = replace(kept, entry=entry)


def _figures(definition: Definition) -> tuple[object, ...]:
    return (definition.max_points, definition.last_year_points, definition.target.value)


def _duplicate(kept: _Kept, entry: TargetEntry) -> str:
    first, second = kept.entry.definition, entry.definition
    return (
        f"mã {entry.code} ({entry.index.value}, năm {entry.year}) đã có ở {kept.place}: "
        f"'{first.name}' ({_points(first)}); dòng này ghi '{second.name}' ({_points(second)}). "
        f"Giữ dòng trước, bỏ dòng này — hãy kiểm tra lại mã trong văn bản"
    )


def _points(definition: Definition) -> str:
    parts = [
        f"tối đa {format_number(definition.max_points)}" if definition.max_points else "",
        f"năm trước {format_number(definition.last_year_points)}"
        if definition.last_year_points is not None
        else "",
        f"mục tiêu {definition.target.text}" if definition.target.value is not None else "",
    ]
    return ", ".join(p for p in parts if p) or "không có điểm"
