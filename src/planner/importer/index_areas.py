"""The areas of each index as section headings name them, so tasks serve the area they sit in.

"CẢI CÁCH THỦ TỤC HÀNH CHÍNH" is PAR INDEX area 3, "Tiếp cận dịch vụ hành chính công" SIPAS
group 1, "Chỉ số nội dung 4: Kiểm soát tham nhũng" PAPI dimension 4. The same words name
different areas in different indices, so the index comes first (a heading naming it, or the
table's), then the area under it.
"""

from __future__ import annotations

import re

from planner.domain.criterion import CriterionCode, CriterionRef, Index
from planner.importer.document_header import indices_named
from planner.importer.spelling import words_key

_AREAS: dict[Index, tuple[tuple[str, re.Pattern[str]], ...]] = {
    Index.PAR_INDEX: (
        ("1", re.compile(r"chỉ đạo,? điều hành")),
        ("4", re.compile(r"tổ chức bộ máy")),
        ("5", re.compile(r"chế độ công vụ")),
        ("6", re.compile(r"tài chính công")),
        ("7", re.compile(r"chính (?:phủ|quyền) (?:điện tử|số)|hiện đại hóa hành chính")),
        ("8", re.compile(r"^(?:[ivx]+\.? )?tác động")),
        ("2", re.compile(r"thể chế|văn bản quy phạm pháp luật|vbqppl")),
        ("3", re.compile(r"thủ tục hành chính|tthc")),
    ),
    Index.SIPAS: (
        ("1", re.compile(r"tiếp cận dịch vụ")),
        ("5", re.compile(r"góp ý|phản ánh,? kiến nghị")),
        ("4", re.compile(r"kết quả (?:cung ứng|giải quyết|dịch vụ)")),
        ("3", re.compile(r"công chức")),
        ("2", re.compile(r"thủ tục hành chính")),
    ),
    Index.PAPI: (
        ("1", re.compile(r"tham gia của người dân")),
        ("2", re.compile(r"công khai,? minh bạch")),
        ("3", re.compile(r"trách nhiệm giải trình")),
        ("4", re.compile(r"kiểm soát tham nhũng")),
        ("5", re.compile(r"thủ tục hành chính công")),
        ("6", re.compile(r"cung ứng dịch vụ công")),
        ("7", re.compile(r"quản trị môi trường")),
        ("8", re.compile(r"quản trị điện tử")),
    ),
}
_PAPI_NUMBERED = re.compile(r"chỉ số nội dung (?:số )?(\d{1,2})")


def area_of(headings: list[str], default: Index) -> CriterionRef | None:
    """The area the outermost heading naming one gives (a section's area holds whatever its
    groups are about), under the index last named."""
    index, area = default, None
    for heading in headings:
        named = indices_named(heading)
        if named and named[0] is not index:
            index, area = named[0], None
        area = area or _area(words_key(heading), index)
    return CriterionRef(index, CriterionCode((area,))) if area else None


def _area(words: str, index: Index) -> str | None:
    if index is Index.PAPI and (numbered := _PAPI_NUMBERED.search(words)):
        return numbered.group(1)
    return next((code for code, rule in _AREAS[index] if rule.search(words)), None)
