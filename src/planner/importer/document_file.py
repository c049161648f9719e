"""Opening a plan's file: the format is told by its contents, then by its name."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePath

from planner.importer.errors import UnreadableDocument
from planner.importer.source import Gap, SourceDocument
from planner.importer.text_export import read_text
from planner.importer.word_document import read_word
from planner.importer.workbook import read_workbook

_ZIP = b"PK\x03\x04"
# A province's plan has at most a few thousand rows and weighs well under a megabyte; these
# limits refuse a mistaken export (a whole database, a sheet of 145,000 rows) before it
# takes minutes and gigabytes to read.
MAX_BYTES = 8 * 1024 * 1024
MAX_ROWS = 20_000
_UNSUPPORTED = {b"%PDF": ".pdf", b"\xd0\xcf\x11\xe0": ".doc/.xls (Office 97-2003)"}


def read_document(path: Path) -> SourceDocument:
    """Read a .txt export, an .xlsx workbook or a .docx document into paragraphs and rows."""
    if not path.is_file():
        raise UnreadableDocument(f"không có tệp {path}")
    return read_document_bytes(path.read_bytes(), path.name)


def read_document_bytes(data: bytes, name: str) -> SourceDocument:
    """The same, for a file received over the web: `name` tells the format and names places."""
    if len(data) > MAX_BYTES:
        raise UnreadableDocument(
            f"tệp {name} nặng {len(data) / 1024 / 1024:.1f} MB, quá giới hạn "
            f"{MAX_BYTES // 1024 // 1024} MB của một kế hoạch: hãy chỉ giữ văn bản và các phụ lục"
        )
    document = _read(data, name)
    rows = sum(1 for block in document.blocks if not isinstance(block, Gap))
    if rows > MAX_ROWS:
        raise UnreadableDocument(
            f"tệp {name} có {_count(rows)} dòng, quá giới hạn {_count(MAX_ROWS)} dòng của một "
            "kế hoạch: hãy chỉ giữ văn bản và các phụ lục"
        )
    return document


def _count(number: int) -> str:
    """20.000: Vietnamese groups thousands with dots."""
    return f"{number:,}".replace(",", ".")


def _read(data: bytes, name: str) -> SourceDocument:
    for magic, kind in _UNSUPPORTED.items():
        if data.startswith(magic):
            raise UnreadableDocument(
                f"tệp {name} là {kind}: chưa đọc được; hãy lưu thành .docx, .xlsx hoặc văn bản .txt"
            )
    if data.startswith(_ZIP) or PurePath(name).suffix.lower() in (".docx", ".xlsx", ".xlsm"):
        return _office(data, name)
    return read_text(data, name)


def _office(data: bytes, name: str) -> SourceDocument:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = set(archive.namelist())
    except zipfile.BadZipFile:
        raise UnreadableDocument(f"tệp {name} hỏng: không mở được như .docx hay .xlsx") from None
    if "word/document.xml" in parts:
        return read_word(data, name)
    if "xl/workbook.xml" in parts:
        return read_workbook(data, name)
    raise UnreadableDocument(f"tệp {name} là tệp nén nhưng không phải .docx hay .xlsx")
