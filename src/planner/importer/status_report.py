"""Báo cáo kết quả thực hiện: the table provinces send per task with how far each has come.

A status table has a column naming the task ("Nội dung nhiệm vụ") and one saying how it stands
("Kết quả thực hiện", "Tình hình thực hiện", "Tiến độ"); it may have a reference column ("STT")
and a date column ("Thời gian hoàn thành"). Each row reads as completed (on a day, if it says
one), in progress (with a percentage, if it says one) or not started; a row that says none of
these is a finding, never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from planner.domain.dates import make_date
from planner.domain.errors import InvalidValue
from planner.domain.task_status import Status
from planner.importer.cells import cell_text
from planner.importer.source import Origin, Paragraph, Row, SourceDocument

_RESULT = re.compile(r"kết quả|tình hình thực hiện|tiến độ|trạng thái")
_TASK = re.compile(r"nhiệm vụ|nội dung|giải pháp")
_REFERENCE = re.compile(r"^(stt|tt|số tt|số thứ tự)$")
_DONE_ON = re.compile(r"thời gian hoàn thành|ngày hoàn thành")
_DAY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_WORDED_DAY = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_PERCENT = re.compile(r"(\d{1,3})\s*%")
_NOT_DONE = ("chưa thực hiện", "chưa triển khai", "chưa bắt đầu")
_WORKING = ("đang thực hiện", "đang triển khai", "đang tổ chức", "đang xây dựng")
_DONE = ("đã hoàn thành", "hoàn thành")


@dataclass(frozen=True)
class StatusRow:
    """One row of the report: the task as the report names it, and how it stands."""

    reference: str
    text: str
    status: Status
    percent: int | None
    done_on: date | None
    origin: Origin


@dataclass
class StatusReport:
    name: str
    reported_on: date | None  # the report's own date ("…, ngày 30 tháng 9 năm 2023")
    rows: list[StatusRow] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)


def read_status_report(document: SourceDocument) -> StatusReport:
    """The status rows of every status table, and a finding for each row that cannot be read."""
    report = StatusReport(document.name, _reported_on(document))
    columns: dict[str, int] | None = None
    table = -1
    for block in document.blocks:
        if not isinstance(block, Row):
            continue
        if block.table != table:
            table, columns = block.table, None
        found = _header(block)
        if found is not None:
            columns = found
        elif columns is not None:
            _read_row(block, columns, report)
    if not report.rows and not report.findings:
        raise InvalidValue(
            f"{document.name}: không thấy bảng kết quả thực hiện (cần cột 'Nội dung nhiệm vụ' "
            "và cột 'Kết quả thực hiện' hoặc 'Tình hình thực hiện')"
        )
    return report


def _header(row: Row) -> dict[str, int] | None:
    """The columns of a status table's header row, or None if `row` is not one."""
    names = [_plain(cell) for cell in row.cells]
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        if len(name.split()) > 8:
            return None  # a header names its columns in a few words
        if _REFERENCE.match(name):
            columns.setdefault("reference", index)
        elif _DONE_ON.search(name):
            columns.setdefault("done_on", index)
        elif _RESULT.search(name):
            columns.setdefault("result", index)
        elif _TASK.search(name):
            columns.setdefault("task", index)
    return columns if {"task", "result"} <= columns.keys() else None


def _read_row(row: Row, columns: dict[str, int], report: StatusReport) -> None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cell_text(row.cells[index]) if index is not None and index < len(row.cells) else ""

    text, result = cell("task"), cell("result")
    if not text and not result:
        return
    if not result:
        report.findings.append(f"{row.origin}: nhiệm vụ '{text[:60]}' chưa ghi kết quả thực hiện")
        return
    status = _status(_plain(result))
    if status is None:
        report.findings.append(
            f"{row.origin}: không rõ trạng thái '{result[:80]}' (cần 'Đã hoàn thành', "
            "'Đang thực hiện' hoặc 'Chưa thực hiện')"
        )
        return
    try:
        done_on = _day(cell("done_on") or result) if status is Status.COMPLETED else None
    except InvalidValue as error:
        report.findings.append(f"{row.origin}: {error.message}")
        return
    percent = _PERCENT.search(result)
    report.rows.append(
        StatusRow(
            reference=cell("reference"),
            text=text,
            status=status,
            percent=min(100, int(percent.group(1))) if percent else None,
            done_on=done_on,
            origin=row.origin,
        )
    )


def _status(result: str) -> Status | None:
    if any(words in result for words in _NOT_DONE):
        return Status.NOT_STARTED
    if any(words in result for words in _WORKING):
        return Status.IN_PROGRESS
    if "chưa hoàn thành" in result:
        return None  # started or not: the report does not say
    if any(words in result for words in _DONE):
        return Status.COMPLETED
    return None


def _day(text: str) -> date | None:
    found = _DAY.search(text) or _WORDED_DAY.search(_plain(text))
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    return make_date(year, month, day, where="ngày hoàn thành")


def _reported_on(document: SourceDocument) -> date | None:
    """The day the report gives itself near its top: "Bắc Kạn, ngày 30 tháng 9 năm 2023"
    (a paragraph, or a sheet's row of one cell)."""
    for block in document.blocks[:40]:
        if isinstance(block, Paragraph):
            text = block.text
        elif isinstance(block, Row) and len([c for c in block.cells if c.strip()]) == 1:
            text = next(c for c in block.cells if c.strip())
        else:
            continue
        if found := _worded_day_in(text):
            return found
    return None


def _worded_day_in(text: str) -> date | None:
    found = _WORDED_DAY.search(_plain(text))
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    return make_date(year, month, day, where="ngày của báo cáo")


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())
