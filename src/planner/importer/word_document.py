"""Word documents (.docx): paragraphs and tables in the order they appear.

A cell merged down from the row above reads as empty, and one merged across columns
holds its text in its first column: the same grid a text export of the table shows.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from planner.importer.errors import UnreadableDocument
from planner.importer.source import Block, Gap, Origin, Paragraph, Row, SourceDocument


def read_word(data: bytes, name: str) -> SourceDocument:
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(f"tệp {name} không đọc được như văn bản .docx ({error})") from None
    blocks: list[Block] = []
    paragraph_number = tables = 0
    for item in document.iter_inner_content():
        if isinstance(item, WordParagraph):
            paragraph_number += 1
            origin = Origin(paragraph_number, unit="đoạn")
            blocks.append(Paragraph(item.text, origin) if item.text.strip() else Gap(origin))
        else:
            tables += 1
            blocks.extend(_rows(item, tables))
    return SourceDocument(name, "docx", tuple(blocks))


def _rows(table: Table, number: int) -> Iterator[Row]:
    part = f"bảng {number}"
    for row_number, row in enumerate(table.rows, start=1):
        cells = [""] * row.grid_cols_before
        merged: set[int] = set()
        for tc in row._tr.tc_lst:
            if tc.vMerge == "continue":
                merged.update(range(len(cells), len(cells) + tc.grid_span))
            text = "" if tc.vMerge == "continue" else _Cell(tc, table).text
            cells.extend([text] + [""] * (tc.grid_span - 1))
        yield Row(tuple(cells), Origin(row_number, part, "hàng"), number, frozenset(merged))
