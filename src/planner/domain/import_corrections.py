"""What Sở Nội vụ corrects in a document's reading before it is stored.

A reader can get a document wrong: a number it does not state, an agency written a way the
registry does not know, a row taken for a heading, a column whose heading it did not
understand. The corrections say what the person knows; the reader reads the document again
with them, and they are kept with the import so the same document (or a revised one) is read
the same way next time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from planner.domain.agency import check_code
from planner.domain.dates import parse_date
from planner.domain.errors import InvalidValue
from planner.domain.text import clean, name_key


class RowRole(StrEnum):
    HEADING = "heading"  # a section or group title: the rows beneath are its tasks
    TASK = "task"  # a task of its own
    CONTINUATION = "continuation"  # the rest of the row above (text or agencies)

    @property
    def label(self) -> str:
        return {"heading": "đề mục", "task": "nhiệm vụ", "continuation": "nối dòng trên"}[
            self.value
        ]


# What a column may be said to hold; "notes" is kept out of the tasks (a finding names it).
COLUMN_FIELDS = {
    "number": "số thứ tự",
    "task": "nhiệm vụ",
    "lead": "cơ quan chủ trì",
    "coordinating": "cơ quan phối hợp",
    "schedule": "thời gian",
    "output": "sản phẩm",
    "notes": "không lưu (ghi chú)",
}


@dataclass(frozen=True)
class RowMark:
    """Row `source` ('dòng 15') of the document's `table`-th table is a heading, task, …"""

    table: int
    source: str
    role: RowRole
    text: str = ""  # the row's words when marked: finds the row again when lines move

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", clean(self.source))
        object.__setattr__(self, "text", clean(self.text))


@dataclass(frozen=True)
class ColumnMove:
    """The column headed `heading` in the `table`-th table holds `field`."""

    table: int
    heading: str
    field: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "heading", clean(self.heading))


@dataclass(frozen=True)
class Corrections:
    number: str | None = None
    issued_on: date | None = None
    year: int | None = None
    agencies: tuple[tuple[str, str], ...] = ()  # (name as written, registered code)
    rows: tuple[RowMark, ...] = ()
    columns: tuple[ColumnMove, ...] = ()

    def __bool__(self) -> bool:
        return any((self.number, self.issued_on, self.year, self.agencies, self.rows, self.columns))

    def agency_for(self, name: str) -> str | None:
        key = name_key(name)
        return next((code for written, code in self.agencies if name_key(written) == key), None)

    def mark(self, table: int, source: str, role: RowRole | None, text: str = "") -> Corrections:
        """The same corrections with row `source` marked `role` (None: as the reader reads)."""
        kept = tuple(r for r in self.rows if (r.table, r.source) != (table, clean(source)))
        added = (RowMark(table, source, role, text),) if role is not None else ()
        return replace(self, rows=kept + added)

    def over(self, earlier: Corrections) -> Corrections:
        """These corrections, completed by `earlier` ones where these say nothing."""
        agencies = dict(earlier.agencies) | dict(self.agencies)
        rows = {(r.table, r.source): r for r in (*earlier.rows, *self.rows)}
        columns = {(c.table, name_key(c.heading)): c for c in (*earlier.columns, *self.columns)}
        return Corrections(
            self.number or earlier.number,
            self.issued_on or earlier.issued_on,
            self.year or earlier.year,
            tuple(agencies.items()),
            tuple(rows.values()),
            tuple(columns.values()),
        )


NO_CORRECTIONS = Corrections()


def corrections_json(corrections: Corrections) -> dict[str, Any]:
    """Plain JSON, as `--corrections` reads it and `--json` prints it."""
    return {
        "number": corrections.number,
        "issued_on": corrections.issued_on.isoformat() if corrections.issued_on else None,
        "year": corrections.year,
        "agencies": dict(corrections.agencies),
        "rows": [
            {"table": r.table, "source": r.source, "role": r.role.value, "text": r.text}
            for r in corrections.rows
        ],
        "columns": [
            {"table": c.table, "heading": c.heading, "field": c.field} for c in corrections.columns
        ],
    }


def corrections_from_json(data: object, where: str = "sửa") -> Corrections:
    """Read what `corrections_json` writes (dates also as dd/mm/yyyy), checking every value."""
    if not isinstance(data, dict):
        raise InvalidValue(f"{where}: cần một đối tượng JSON {{'number': …, 'agencies': …}}")
    unknown = set(data) - {"number", "issued_on", "year", "agencies", "rows", "columns"}
    if unknown:
        raise InvalidValue(f"{where}: không hiểu mục {', '.join(sorted(unknown))}")
    issued = data.get("issued_on")
    return Corrections(
        number=_text(data.get("number"), f"{where}, number") or None,
        issued_on=parse_date(str(issued), where=f"{where}, issued_on") if issued else None,
        year=_year(data.get("year"), f"{where}, year"),
        agencies=_agencies(data.get("agencies") or {}, f"{where}, agencies"),
        rows=tuple(
            _row(item, f"{where}, rows[{n}]") for n, item in enumerate(_list(data, "rows", where))
        ),
        columns=tuple(
            _column(item, f"{where}, columns[{n}]")
            for n, item in enumerate(_list(data, "columns", where))
        ),
    )


def check_year(year: int, where: str) -> int:
    if not 1990 <= year <= 2100:
        raise InvalidValue(f"{where}: năm {year} không hợp lệ (vd. 2023)")
    return year


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    found = data.get(key) or []
    if not isinstance(found, list):
        raise InvalidValue(f"{where}, {key}: cần một danh sách")
    return found


def _text(value: object, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidValue(f"{where}: cần một chuỗi chữ")
    return clean(value)


def _year(value: object, where: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise InvalidValue(f"{where}: '{value}' không phải một năm (vd. 2023)")
    return check_year(int(value), where)


def _agencies(value: object, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise InvalidValue(f"{where}: cần dạng {{'tên trong văn bản': 'MÃ_CƠ_QUAN'}}")
    pairs = []
    for written, code in value.items():
        name = _text(written, where)
        if not name:
            raise InvalidValue(f"{where}: tên cơ quan trống")
        pairs.append((name, check_code(_text(code, f"{where}, '{name}'"))))
    return tuple(pairs)


def _row(item: object, where: str) -> RowMark:
    if not isinstance(item, dict):
        raise InvalidValue(f"{where}: cần {{'table': 1, 'source': 'dòng 15', 'role': 'task'}}")
    role = _text(item.get("role"), where)
    if role not in RowRole.__members__.values():
        allowed = ", ".join(r.value for r in RowRole)
        raise InvalidValue(f"{where}: role '{role}' không hợp lệ (một trong: {allowed})")
    source = _text(item.get("source"), where)
    if not source:
        raise InvalidValue(f"{where}: cần 'source', vị trí dòng như bản xem trước (vd. 'dòng 15')")
    return RowMark(_table(item, where), source, RowRole(role), _text(item.get("text"), where))


def _column(item: object, where: str) -> ColumnMove:
    if not isinstance(item, dict):
        raise InvalidValue(f"{where}: cần {{'table': 1, 'heading': 'Đơn vị', 'field': 'lead'}}")
    field = _text(item.get("field"), where)
    if field not in COLUMN_FIELDS:
        raise InvalidValue(
            f"{where}: field '{field}' không hợp lệ (một trong: {', '.join(COLUMN_FIELDS)})"
        )
    heading = _text(item.get("heading"), where)
    if not heading:
        raise InvalidValue(f"{where}: cần 'heading', tiêu đề cột như văn bản ghi")
    return ColumnMove(_table(item, where), heading, field)


def _table(item: dict[str, Any], where: str) -> int:
    table = item.get("table", 1)
    if isinstance(table, bool) or not isinstance(table, int) or table < 1:
        raise InvalidValue(f"{where}: 'table' là số thứ tự của bảng trong văn bản (1, 2, …)")
    return table
