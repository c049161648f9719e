"""Plan-level obligations written in the prose, so reminders can fire for them.

"…xây dựng kế hoạch… trước ngày 20/6/2023…" under "1. Các sở, ngành và tương đương; UBND
cấp huyện"; "Trước ngày 25/11 hàng năm, báo cáo kết quả… về Sở Nội vụ" after "Yêu cầu Thủ
trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân cấp huyện, cấp xã…". Who must do it is
named in the paragraph (not after "qua"/"về": that is whom they report to), or else by the
numbered heading above it. Only wordings with a deadline are obligations.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from planner.domain.errors import InvalidValue
from planner.domain.schedule import Schedule, ScheduleKind
from planner.domain.schedule_text import read_schedule
from planner.importer.agency_names import AgencyNames, Mention
from planner.importer.cells import prose_text
from planner.importer.findings import Findings, Place
from planner.importer.source import Paragraph
from planner.importer.spelling import words_key

_DEADLINE = re.compile(
    r"(?:trước|chậm nhất(?: là)?|hạn chót(?: là)?)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}"
    r"(?:\s*/\s*\d{4}|\s+(?:hàng|hằng|mỗi)\s+năm)?"
    r"|hết tháng\s+\d{1,2}\s*/\s*\d{4}"
)
_CLAUSES = re.compile(r"(?<=[;.])\s+")
_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\))\s+(?:đề nghị\s+)?(.*)$")
_SECTION = re.compile(r"^[IVX]+\.\s")
_REPORT_TO = frozenset({"qua", "về", "gửi"})


@dataclass(frozen=True)
class FoundObligation:
    key: str
    text: str
    schedule: Schedule
    responsible: tuple[Mention, ...]
    report_to: str | None
    place: Place


def find_obligations(
    paragraphs: list[Paragraph],
    names: AgencyNames,
    year: int | None,
    issued_on: date | None,
    findings: Findings,
) -> list[FoundObligation]:
    found: list[FoundObligation] = []
    heading: tuple[Mention, ...] = ()
    for paragraph in paragraphs:
        text = prose_text(paragraph.text)
        if _SECTION.match(text):
            heading = ()
        elif match := _HEADING.match(words_key(text)):
            heading = names.leading(text[len(text) - len(match.group(1)) :])
        for phrase in _DEADLINE.finditer(words_key(text)):
            place = Place(origin=paragraph.origin)
            obligation = _obligation(text, phrase, names, heading, (year, issued_on), place)
            if obligation is None:
                findings.warning(
                    f"có thời hạn '{text[phrase.start() : phrase.end()]}' nhưng không rõ cơ "
                    "quan nào phải thực hiện: không ghi thành yêu cầu của kế hoạch",
                    place,
                )
            elif _usable(obligation, findings):
                found.append(_unique(obligation, found))
    return found


def _obligation(
    text: str,
    phrase: re.Match[str],
    names: AgencyNames,
    heading: tuple[Mention, ...],
    when: tuple[int | None, date | None],
    place: Place,
) -> FoundObligation | None:
    wording = text[phrase.start() : phrase.end()]
    named = list(names.anywhere(text))
    responsible = tuple(m for m, before in named if m.assigns and before not in _REPORT_TO)
    report_to = next((m.target for m, before in named if before in _REPORT_TO), None)
    responsible = responsible or heading
    if not responsible:
        return None
    try:
        schedule = read_schedule(wording, *when).schedule
    except InvalidValue as error:
        raise InvalidValue(f"{place}: {error.message}") from None
    return FoundObligation(
        _slug(wording), _clause(text, phrase.start()), schedule, responsible, report_to, place
    )


def _usable(obligation: FoundObligation, findings: Findings) -> bool:
    if obligation.schedule.kind is ScheduleKind.UNDATED:
        findings.warning(
            f"không đọc được ngày của thời hạn '{obligation.schedule.text}'", obligation.place
        )
        return False
    return True


def _clause(text: str, at: int) -> str:
    """The sentence or clause (between ';' and '.') that holds the deadline."""
    start = 0
    for boundary in _CLAUSES.finditer(text):
        if boundary.start() > at:
            return text[start : boundary.start()].strip(" -+;.")
        start = boundary.end()
    return text[start:].strip(" -+;./")


def _unique(obligation: FoundObligation, found: list[FoundObligation]) -> FoundObligation:
    keys = {o.key for o in found}
    key, count = obligation.key, 1
    while key in keys:
        count += 1
        key = f"{obligation.key}-{count}"
    if key == obligation.key:
        return obligation
    return FoundObligation(
        key,
        obligation.text,
        obligation.schedule,
        obligation.responsible,
        obligation.report_to,
        obligation.place,
    )


def _slug(wording: str) -> str:
    """'Trước ngày 25/11 hàng năm' → 'truoc-ngay-25-11-hang-nam' (stable across imports)."""
    plain = unicodedata.normalize("NFD", wording.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
