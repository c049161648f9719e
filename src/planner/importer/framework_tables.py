"""Criteria frameworks (Bảng 1 for departments, Bảng 2 for districts) as criteria sets.

The caption tells the kind of unit ("CÁC CƠ QUAN CHUYÊN MÔN THUỘC ỦY BAN NHÂN DÂN TỈNH",
"UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"). A code listed twice keeps its first row, with a
warning naming both rows and their points.
"""

from __future__ import annotations

import re

from planner.application.plan_document import CriteriaSetEntry
from planner.domain.criteria_set import Criterion, UnitKind
from planner.domain.criterion import CriterionCode
from planner.importer.cells import prose_text
from planner.importer.criteria_rows import CriterionLine
from planner.importer.findings import Findings, Place
from planner.importer.spelling import words_key
from planner.importer.tables import RawTable
from planner.presentation.vietnamese import format_number

_UNIT_WORDS = (
    (UnitKind.DISTRICT, re.compile(r"huyện")),
    (UnitKind.COMMUNE, re.compile(r"cấp xã|các xã|xã, phường")),
    (UnitKind.DEPARTMENT, re.compile(r"cơ quan chuyên môn|sở, ban, ngành|các sở|cấp tỉnh")),
)
_YEAR = re.compile(r"năm\s+(\d{4})")
_NOT_TITLE = re.compile(r"^(?:bảng|biểu|phụ lục)\s*[\dIVX]*\.?$|^\(", re.IGNORECASE)


def unit_kind(table: RawTable) -> UnitKind | None:
    return unit_in(words_key(table.caption_text))


def unit_in(words: str) -> UnitKind | None:
    """The kind of unit case-folded words speak of: districts, communes or departments."""
    return next((kind for kind, rule in _UNIT_WORDS if rule.search(words)), None)


def criteria_set(
    table: RawTable,
    lines: list[CriterionLine],
    where: tuple[str, int, str],
    findings: Findings,
) -> CriteriaSetEntry | None:
    """`where` is the province, the year and the document's number and date."""
    province, year, source = where
    kind = unit_kind(table)
    if kind is None:
        findings.error(
            "không rõ bộ tiêu chí dùng cho loại đơn vị nào (tiêu đề bảng cần nêu sở, ban, "
            "ngành / UBND cấp huyện / UBND cấp xã)",
            Place(table.label),
        )
        return None
    caption_year = _YEAR.search(words_key(table.caption_text))
    criteria = _distinct(lines, findings)
    return CriteriaSetEntry(
        province=province,
        year=int(caption_year.group(1)) if caption_year else year,
        unit_kind=kind,
        title=_title(table),
        source=source,
        criteria=tuple(
            Criterion(
                line.code,
                line.name,
                line.max_points.value if line.max_points else None,
                line.survey_based,
                line.notes,
            )
            for line in criteria
        ),
    )


def _distinct(lines: list[CriterionLine], findings: Findings) -> list[CriterionLine]:
    kept: dict[CriterionCode, CriterionLine] = {}
    for line in lines:
        if line.is_total:
            continue
        first = kept.get(line.code)
        if first is None:
            kept[line.code] = line
        else:
            findings.warning(
                f"mã {line.code} trùng với {first.place.origin} ('{first.name}', "
                f"{_points(first)} điểm); dòng này ('{line.name}', {_points(line)} điểm) không "
                "được nhập — hãy sửa mã trong văn bản",
                line.place,
            )
    return list(kept.values())


def _points(line: CriterionLine) -> str:
    return format_number(line.max_points.value) if line.max_points else "không ghi"


def _title(table: RawTable) -> str:
    words = [prose_text(p.text) for p in table.caption]
    return " ".join(w for w in words if w and not _NOT_TITLE.match(w)) or table.label
