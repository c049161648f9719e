"""The same tables as a text export, an .xlsx workbook or a .docx document read the same.

Provinces publish Word documents and some keep their tables in Excel; the workbooks and
documents here are real files written with openpyxl and python-docx from the seeds.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from planner.application.plan_document import PlanDocument
from planner.importer.document_file import read_document
from planner.importer.errors import UnreadableDocument
from planner.importer.reading import read_plan_document
from planner.importer.report import ImportReport
from tests.importing.documents import SEEDS, seed, seed_lines, write_word, write_workbook
from tests.importing.registry import bac_kan_directory

Writer = Callable[[list[str], Path], Path]
_PLACES = re.compile(r"(?:trang tính '[^']*', |bảng \d+, )?(?:dòng|hàng|đoạn) \d+(?:, \d+)*")


def read(path: Path) -> ImportReport:
    return read_plan_document(read_document(path), bac_kan_directory())


def without_sources(document: PlanDocument | None) -> object:
    assert document is not None
    return (
        document.plan,
        [dataclasses.replace(t, source="") for t in document.targets],
        [dataclasses.replace(t, source="") for t in document.tasks],
        [dataclasses.replace(o, source="") for o in document.obligations],
        document.criteria_sets,
    )


def messages(report: ImportReport) -> list[str]:
    return sorted(_PLACES.sub("…", f.message) for f in report.findings.items)


@pytest.mark.parametrize("name", SEEDS)
@pytest.mark.parametrize(("suffix", "write"), [(".xlsx", write_workbook), (".docx", write_word)])
def test_xlsx_and_docx_versions_of_a_seed_give_the_same_result(
    name: str, suffix: str, write: Writer, tmp_path: Path
) -> None:
    text = read(seed(name))
    other = read(write(seed_lines(name), tmp_path / f"{name}{suffix}"))
    assert other.errors == text.errors == []
    assert without_sources(other.document) == without_sources(text.document)
    assert messages(other) == messages(text)
    assert [(t.label, t.kind, t.rows) for t in other.tables] == [
        (t.label, t.kind, t.rows) for t in text.tables
    ]


def test_a_workbook_row_is_named_by_its_sheet_and_row(tmp_path: Path) -> None:
    path = write_workbook(seed_lines(seed_name := SEEDS[0]), tmp_path / f"{seed_name}.xlsx")
    report = read(path)
    assert report.document is not None
    first = report.document.tasks[0]
    assert first.source == "Phụ lục 1, trang tính 'Kế hoạch', hàng 105"


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "ke-hoach.txt"
    empty.write_bytes(b"")
    with pytest.raises(UnreadableDocument, match=r"trống: không có gì để nhập"):
        read_document(empty)


def test_binary_junk_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "ke-hoach.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(UnreadableDocument, match=r"không phải văn bản"):
        read_document(junk)


def test_a_broken_utf16_export_is_refused_not_crashed(tmp_path: Path) -> None:
    broken = tmp_path / "ke-hoach.txt"
    broken.write_bytes(b"\xff\xfe\x00\xd8")  # a byte-order mark, then half a surrogate pair
    with pytest.raises(UnreadableDocument, match=r"UTF-16 nhưng hỏng"):
        read_document(broken)


def test_a_broken_docx_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "ke-hoach.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(UnreadableDocument, match=r"hỏng: không mở được"):
        read_document(broken)


def test_a_workbook_that_is_not_a_plan_is_an_error_and_yields_nothing(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Ngày sinh", "Quê quán"])
    sheet.append(["Nguyễn Văn A", "01/01/1990", "Bắc Kạn"])
    path = tmp_path / "danh-sach.xlsx"
    workbook.save(path)
    report = read(path)
    assert report.document is None
    assert [str(e) for e in report.errors] == [
        "không tìm thấy kế hoạch (số, ngày, 'KẾ HOẠCH'), bảng mục tiêu, nhiệm vụ hay bộ tiêu "
        "chí nào: tệp này không phải là kế hoạch"
    ]


def test_a_legacy_word_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    legacy = tmp_path / "ke-hoach.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(UnreadableDocument, match=r"hãy lưu thành \.docx, \.xlsx"):
        read_document(legacy)
