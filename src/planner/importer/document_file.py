"""Opening a plan's file: the format is told by its contents, then by its name."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePath

from planner.importer.errors import UnreadableDocument
from planner.importer.source import SourceDocument
from planner.importer.text_export import read_text
from planner.importer.word_document import read_word
from planner.importer.workbook import read_workbook

_ZIP = b"PK\x03\x04"
_UNSUPPORTED = {b"%PDF": ".pdf", b"\xd0\xcf\x11\xe0": ".doc/.xls (Office 97-2003)"}


def read_document(path: Path) -> SourceDocument:
    """Read a .txt export, an .xlsx workbook or a .docx document into paragraphs and rows."""
    if not path.is_file():
        raise UnreadableDocument(f"không có tệp {path}")
    return read_document_bytes(path.read_bytes(), path.name)


def read_document_bytes(data: bytes, name: str) -> SourceDocument:
    """The same, for a file received over the web: `name` tells the format and names places."""
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
