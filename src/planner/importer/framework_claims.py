"""What the prose of a criteria framework says about its tables, checked against them.

Điện Biên's Đề án says, for each kind of unit, how many areas, criteria and sub-criteria
its table has ("07 lĩnh vực đánh giá 47 tiêu chí và 99 tiêu chí thành phần", then one line
per area) and how its 100 points divide ("… điều tra xã hội học … tối đa là: 20/100 điểm").
When the table says otherwise, the warning names the line of prose and both figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from planner.domain.criteria_set import UnitKind
from planner.importer.cells import prose_text
from planner.importer.criteria_rows import CriterionLine
from planner.importer.findings import Findings, Place
from planner.importer.framework_tables import unit_in
from planner.importer.source import Paragraph
from planner.importer.spelling import words_key
from planner.presentation.vietnamese import format_number

_STRUCTURE = re.compile(
    r"(\d+)\s+lĩnh vực.*?(\d+)\s+tiêu chí(?:\s+và|,)\s+(\d+)\s+tiêu chí thành phần"
)
_AREA = re.compile(r"^[-+]\s*(.+?):\s*(\d+)\s+tiêu chí\s+và\s+(\d+)\s+tiêu chí thành phần")
_POINTS = re.compile(r"tối đa là:?\s*(\d+(?:[.,]\d+)?)\s*/\s*100")
_SURVEY = re.compile(r"điều tra xã hội học|khảo sát sự hài lòng")
_IMPLEMENTATION = re.compile(r"kết quả triển khai")


@dataclass(frozen=True)
class Framework:
    """A criteria table as read, and the kind of unit it scores."""

    label: str
    unit: UnitKind
    lines: list[CriterionLine]


@dataclass
class _Said:
    structure: tuple[int, int, int, Place] | None = None
    areas: list[tuple[str, int, int, Place]] = field(default_factory=list)
    survey: list[tuple[Decimal, Place]] = field(default_factory=list)
    implementation: tuple[Decimal, Place] | None = None


def check_claims(
    paragraphs: list[Paragraph], frameworks: list[Framework], findings: Findings
) -> None:
    said = _read(paragraphs)
    for framework in frameworks:
        claims = said.get(framework.unit)
        if claims is not None:
            _Checker(framework, findings).check(claims)


def _read(paragraphs: list[Paragraph]) -> dict[UnitKind, _Said]:
    said: dict[UnitKind, _Said] = {}
    current: _Said | None = None
    for paragraph in paragraphs:
        text = prose_text(paragraph.text)
        words = words_key(text)
        place = Place(origin=paragraph.origin)
        unit = unit_in(words) if ("bộ tiêu chí" in words or "thang điểm" in words) else None
        if unit is not None:
            current = said.setdefault(unit, _Said())
        if current is None:
            continue
        if unit is not None and (found := _STRUCTURE.search(words)):
            areas, criteria, subs = (int(g) for g in found.groups())
            current.structure = (areas, criteria, subs, place)
        elif found := _AREA.match(words):
            current.areas.append((found.group(1), int(found.group(2)), int(found.group(3)), place))
        elif found := _POINTS.search(words):
            points = Decimal(found.group(1).replace(",", "."))
            if _SURVEY.search(words):
                current.survey.append((points, place))
            elif _IMPLEMENTATION.search(words):
                current.implementation = (points, place)
    return said


class _Checker:
    def __init__(self, framework: Framework, findings: Findings) -> None:
        self.framework = framework
        self.findings = findings
        self.lines = [line for line in framework.lines if not line.is_total]

    def check(self, said: _Said) -> None:
        if said.structure is not None:
            areas, criteria, subs, place = said.structure
            table = (self._count(1), self._count(2), self._count(3))
            if (areas, criteria, subs) != table:
                self._warn(
                    place,
                    f"{areas} lĩnh vực, {criteria} tiêu chí và {subs} tiêu chí thành phần",
                    f"có {table[0]} lĩnh vực, {table[1]} tiêu chí và {table[2]} tiêu chí thành "
                    "phần",
                )
        for name, criteria, subs, place in said.areas:
            self._area(name, criteria, subs, place)
        self._points(said)

    def _area(self, name: str, criteria: int, subs: int, place: Place) -> None:
        area = next((line for line in self.lines if _same_area(line, name)), None)
        if area is None:
            return
        within = [line for line in self.lines if line.code.parts[:1] == area.code.parts]
        table = (
            sum(1 for line in within if line.code.depth == 2),
            sum(1 for line in within if line.code.depth >= 3),
        )
        if (criteria, subs) != table:
            self._warn(
                place,
                f"lĩnh vực {area.code} có {criteria} tiêu chí và {subs} tiêu chí thành phần",
                f"có {table[0]} tiêu chí và {table[1]} tiêu chí thành phần",
            )

    def _points(self, said: _Said) -> None:
        survey_codes = {line.code for line in self.lines if line.survey_based}
        survey = sum(
            (
                line.max_points.value
                for line in self.lines
                if line.survey_based
                and line.max_points is not None
                and line.code.parent not in survey_codes
            ),
            Decimal(0),
        )
        total = sum(
            (
                line.max_points.value
                for line in self.lines
                if line.code.depth == 1 and line.max_points
            ),
            Decimal(0),
        )
        if said.survey:
            stated = sum((points for points, _ in said.survey), Decimal(0))
            if stated != survey:
                self._warn(
                    said.survey[0][1],
                    f"điểm qua điều tra, khảo sát tối đa {format_number(stated)}/100",
                    f"cho {format_number(survey)} điểm (các tiêu chí ĐTXHH)",
                )
        if said.implementation is not None and said.implementation[0] != total - survey:
            self._warn(
                said.implementation[1],
                f"điểm kết quả triển khai tối đa {format_number(said.implementation[0])}/100",
                f"cho {format_number(total - survey)} điểm (các tiêu chí không qua điều tra)",
            )

    def _count(self, depth: int) -> int:
        return sum(1 for line in self.lines if min(line.code.depth, 3) == depth)

    def _warn(self, place: Place, prose: str, table: str) -> None:
        self.findings.warning(f"lời văn ghi {prose}; {self.framework.label} {table}", place)


def _same_area(line: CriterionLine, name: str) -> bool:
    if line.code.depth != 1:
        return False
    wanted = re.sub(r"\s*-\s*", "-", words_key(name))
    written = re.sub(r"\s*-\s*", "-", words_key(line.name))
    return written.startswith(wanted)
