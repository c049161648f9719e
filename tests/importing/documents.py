"""The seed documents as shipped, and the same tables written as real .xlsx and .docx files.

The workbook keeps one row per line of the text export (prose in column A), so its row
numbers are the export's line numbers; the Word document turns each run of table lines
into a Word table, with the cells' <p> paragraphs as real paragraphs.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from docx import Document
from openpyxl import Workbook

BAC_KAN = "bac-kan-2023-plan-365.txt"
HA_NAM = "ha-nam-2019-plan-1800.txt"
HA_NAM_PROGRAMME = "ha-nam-2013-2020-par-programme-772.txt"
DIEN_BIEN = "dien-bien-2024-par-criteria-2270.txt"
SEEDS = (BAC_KAN, HA_NAM, HA_NAM_PROGRAMME, DIEN_BIEN)

_BREAK = re.compile(r"</p>|<br\s*/?>|<li>", re.IGNORECASE)
_INLINE = re.compile(r"</?(?:i|b|em|strong)>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def seed(name: str) -> Path:
    """The seed as the package ships it (src/planner/demo/seeds/)."""
    found = resources.files("planner.demo").joinpath("seeds", name)
    path = Path(str(found))
    assert path.is_file(), f"seed document {name} is not shipped with the package"
    return path


def seed_lines(name: str) -> list[str]:
    return seed(name).read_text(encoding="utf-8").splitlines()


def cell_paragraphs(cell: str) -> list[str]:
    """What a person sees in the cell: one paragraph per <p>, without the markup."""
    parts = (_TAG.sub(" ", _INLINE.sub("", part)) for part in _BREAK.split(cell))
    return [" ".join(part.split()) for part in parts if part.strip()]


def write_workbook(lines: list[str], path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Kế hoạch"
    for number, line in enumerate(lines, start=1):
        cells = line.split("\t") if "\t" in line else [line]
        for column, cell in enumerate(cells, start=1):
            text = "\n".join(cell_paragraphs(cell))
            if text:
                sheet.cell(row=number, column=column, value=text)
    workbook.save(path)
    return path


def write_word(lines: list[str], path: Path) -> Path:
    document = Document()
    rows: list[list[str]] = []
    for line in [*lines, ""]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            _add_table(document, rows)
            rows = []
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _add_table(document: object, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)  # type: ignore[attr-defined]
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=False):
            paragraphs = cell_paragraphs(text)
            if paragraphs:
                cell.paragraphs[0].text = paragraphs[0]
                for more in paragraphs[1:]:
                    cell.add_paragraph(more)
