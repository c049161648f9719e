"""The document's own header: number, date, province, kind, title, year and indices.

"Số: 365 /KH-UBND", "Bắc Kạn, ngày 08 tháng 6 năm 2023", "KẾ HOẠCH" and the title line
under it; a programme may give its number only in "(Ban hành kèm theo Quyết định số 772
ngày 19 tháng 7 năm 2013 của Uỷ ban nhân dân tỉnh Hà Nam)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from planner.domain.criterion import Index
from planner.domain.dates import make_date
from planner.domain.errors import InvalidValue
from planner.importer.cells import prose_text
from planner.importer.findings import Findings, Place
from planner.importer.source import Paragraph
from planner.importer.spelling import words_key

_NUMBER = re.compile(r"^số\s*:?\s*(\d[\w.]*\s*/\s*[\w\-]+)", re.IGNORECASE)
_NUMBER_IN_TEXT = re.compile(
    r"(?:quyết định|kế hoạch|chương trình)\s+số\s*:?\s*(\d[\w.]*(?:\s*/\s*[\w\-]+)?)",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"ngày\s+(\d{1,2})\s*(?:tháng\s+|/\s*)(\d{1,2})\s*(?:năm\s+|/\s*)(\d{4})", re.IGNORECASE
)
_ATTACHED = re.compile(
    r"kèm theo\s+(?:kế hoạch|quyết định|chương trình)\s+số\s*:?\s*(\d[\w.]*(?:\s*/\s*[\w\-]+)?)",
    re.IGNORECASE,
)
_PLACE_DATE = re.compile(r"^([^,]{2,40}),\s*ngày\s", re.IGNORECASE)
_PROVINCE_LINE = re.compile(
    r"^(?:UBND |ỦY BAN NHÂN DÂN |UỶ BAN NHÂN DÂN )?(?:TỈNH|THÀNH PHỐ)\s+(\w[\w\s]{1,30})$"
)
_PROVINCE_IN_TEXT = re.compile(r"\btỉnh\s+((?:[A-ZĐ]\w*\s?){1,3})")
_KINDS = ("KẾ HOẠCH", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH", "ĐỀ ÁN")
_PLAN_KINDS = ("KẾ HOẠCH", "CHƯƠNG TRÌNH")
_YEAR = re.compile(r"\b(20\d{2}|19\d{2})\b")
_PERIOD = re.compile(r"giai đoạn\s+(\d{4})")
_INDEX_WORDS = {
    Index.PAR_INDEX: re.compile(r"cải cách hành chính|cchc|par ?index"),
    Index.SIPAS: re.compile(r"hài lòng|sipas|sự phục vụ hành chính"),
    Index.PAPI: re.compile(r"papi|quản trị và hành chính công|hiệu quả quản trị"),
}
_FRONT = 20  # the header sits in the first paragraphs
_TITLE_LINES = 4
_BODY_STARTS = (
    "căn cứ", "thực hiện", "i.", "nhằm", "để ", "triển khai", "phần", "(kèm theo", "(ban hành kèm",
)  # fmt: skip
# Cities run by the centre, whose people's committee is "UBND thành phố …"
_CITIES = frozenset({"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"})


@dataclass(frozen=True)
class DocumentHeader:
    kind: str  # "KẾ HOẠCH", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", or "" if none is written
    number: str | None
    issued_on: date | None
    province: str | None
    title: str
    year: int | None
    indices: tuple[Index, ...]

    @property
    def is_plan(self) -> bool:
        return self.kind in _PLAN_KINDS

    @property
    def issuer(self) -> str:
        if not self.province:
            return ""
        level = "thành phố" if self.province in _CITIES else "tỉnh"
        return f"UBND {level} {self.province}"


def read_header(paragraphs: list[Paragraph], findings: Findings) -> DocumentHeader:
    front = [(prose_text(p.text), p) for p in paragraphs[:_FRONT]]
    kind, title = _kind_and_title(front)
    issued_on = _issued_on(front, findings)
    years = [int(y) for y in _YEAR.findall(title)]
    period = _PERIOD.search(words_key(title))
    year = int(period.group(1)) if period else max(years, default=None)
    if year is None and issued_on is not None:
        year = issued_on.year
    elif year is not None and issued_on is not None and not period and year < issued_on.year:
        findings.warning(
            f"tên văn bản chỉ ghi năm {year} (năm của chỉ số) nhưng văn bản ban hành ngày "
            f"{issued_on:%d/%m/%Y}: các thời hạn được đọc theo năm {issued_on.year} "
            "(ghi --year, hoặc ô 'Năm của kế hoạch' khi nhập trên web, nếu không đúng)"
        )
        year = issued_on.year
    return DocumentHeader(
        kind=kind,
        number=_number(front),
        issued_on=issued_on,
        province=_province(front),
        title=title,
        year=year,
        indices=indices_named(title),
    )


def attached_identity(paragraphs: list[Paragraph]) -> tuple[str | None, date | None]:
    """The number and date an appendix gives its plan: '(Kèm theo Kế hoạch số 128/KH-UBND
    ngày 17/8/2022 của UBND tỉnh)', wherever in the document it stands."""
    for paragraph in paragraphs:
        text = prose_text(paragraph.text)
        if match := _ATTACHED.search(text):
            number = re.sub(r"\s*/\s*", "/", match.group(1))
            found = _DATE.search(text, match.end())
            if found is None:
                return number, None
            day, month, year = (int(g) for g in found.groups())
            try:
                return number, make_date(year, month, day, where="ngày ban hành")
            except InvalidValue:
                return number, None
    return None, None


def indices_named(text: str) -> tuple[Index, ...]:
    """The indices a title or caption names, in the order PAR INDEX, SIPAS, PAPI."""
    words = words_key(text)
    return tuple(index for index, rule in _INDEX_WORDS.items() if rule.search(words))


def _kind_and_title(front: list[tuple[str, Paragraph]]) -> tuple[str, str]:
    """'KẾ HOẠCH' and the title under it, which may run on over a few lines ('Nâng cao Chỉ số
    hài lòng …' / 'của cơ quan hành chính nhà nước' / 'năm 2024'), or share its line."""
    texts = [text for text, _ in front]
    for position, text in enumerate(texts):
        kind = text.strip(" .:").upper()
        same_line = next((k for k in _KINDS if kind.startswith(f"{k} ")), None)
        if same_line is not None:
            return same_line, text.strip()[len(same_line) :].strip()
        if kind in _KINDS:
            lines = _title_lines(texts[position + 1 :])
            return kind, " ".join(lines)
    return "", ""


def _title_lines(following: list[str]) -> list[str]:
    lines: list[str] = []
    for text in following[:_TITLE_LINES]:
        if not text or text.casefold().startswith(_BODY_STARTS) or set(text) <= set("-_–. "):
            break
        if lines and not _continues(lines[-1], text):
            break
        lines.append(text)
    return lines


def _continues(above: str, text: str) -> bool:
    """A title line goes on in lower case, in brackets, or in capitals under capitals."""
    if above.endswith((".", ":", ";")):
        return False
    first = text[0]
    return first.islower() or first == "(" or (above.isupper() and text.isupper())


def _number(front: list[tuple[str, Paragraph]]) -> str | None:
    for text, _ in front:
        if match := _NUMBER.match(text):
            return match.group(1)
    for text, _ in front:
        if text.startswith("(") and (match := _NUMBER_IN_TEXT.search(text)):
            return match.group(1)
    return None


def _issued_on(front: list[tuple[str, Paragraph]], findings: Findings) -> date | None:
    for text, paragraph in front:
        if not (_PLACE_DATE.match(text) or text.startswith("(")):
            continue
        if match := _DATE.search(text):
            day, month, year = (int(g) for g in match.groups())
            try:
                return make_date(year, month, day, where="ngày ban hành")
            except InvalidValue as error:
                findings.error(error.message, Place(origin=paragraph.origin))
                return None
    return None


def _province(front: list[tuple[str, Paragraph]]) -> str | None:
    for text, _ in front:
        if match := _PROVINCE_LINE.match(text):
            return _title_case(match.group(1))
    for text, _ in front:
        if (match := _PLACE_DATE.match(text)) and not match.group(1).startswith("("):
            return _title_case(match.group(1).strip())
    for text, _ in front:
        if match := _PROVINCE_IN_TEXT.search(text):
            return _title_case(match.group(1).strip())
    return None


def _title_case(name: str) -> str:
    return name.title() if name.isupper() else name
