"""Turn a corpus plan (plans/*.plan) into the file a province would publish: .txt, .docx or .xlsx.

A plan is written line by line: prose lines are paragraphs, lines with " | " are table rows.
In a cell, "⇡" merges it with the cell above and "⇠" with the cell on its left; a text
export shows both as empty cells, a workbook and a Word table merge them for real. "¶"
starts a new paragraph in the cell: <p> in a text export, a line break in a workbook, a
paragraph of its own in Word. The first line names the format: "format: docx".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.table import Table
from openpyxl import Workbook

PLANS = Path(__file__).parent / "plans"
EXPECTED = Path(__file__).parent / "expected"
UP, LEFT, PARAGRAPH = "⇡", "⇠", "¶"


@dataclass(frozen=True)
class Plan:
    name: str
    format: str
    lines: tuple[str | tuple[str, ...], ...]  # a paragraph, or a row's cells


def plans() -> list[str]:
    return sorted(path.stem for path in PLANS.glob("*.plan"))


def read_plan(name: str) -> Plan:
    first, *rest = (PLANS / f"{name}.plan").read_text(encoding="utf-8").splitlines()
    kind = first.removeprefix("format:").strip()
    lines = tuple(
        tuple(cell.strip() for cell in line.split("|")) if " | " in f" {line} " else line
        for line in rest
    )
    return Plan(name, kind, lines)


def build(name: str, directory: Path) -> Path:
    """Write the plan as its format says, in `directory`; returns the file."""
    return write(read_plan(name), directory)


def write(plan: Plan, directory: Path) -> Path:
    path = directory / f"{plan.name}.{plan.format}"
    writers = {"txt": _text, "docx": _word, "xlsx": _workbook}
    writers[plan.format](plan, path)
    return path


def _plain(cell: str) -> str:
    if PARAGRAPH in cell:
        return "".join(f"<p>{part.strip()}</p>" for part in cell.split(PARAGRAPH))
    return "" if cell in (UP, LEFT) else cell


def _text(plan: Plan, path: Path) -> None:
    out = [
        "\t".join(_plain(c) for c in line) if isinstance(line, tuple) else line
        for line in plan.lines
    ]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _workbook(plan: Plan, path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Kế hoạch"
    for number, line in enumerate(plan.lines, start=1):
        cells = line if isinstance(line, tuple) else (line,)
        for column, cell in enumerate(cells, start=1):
            if cell == UP:
                _merge(sheet, number, column, up=True)
            elif cell == LEFT:
                _merge(sheet, number, column, up=False)
            elif cell:
                value = "\n".join(part.strip() for part in cell.split(PARAGRAPH))
                sheet.cell(row=number, column=column, value=value)
    workbook.save(path)


def _merge(sheet: object, row: int, column: int, *, up: bool) -> None:
    start = (row - 1, column) if up else (row, column - 1)
    for merged in list(sheet.merged_cells.ranges):  # type: ignore[attr-defined]
        if (start[0], start[1]) in set(merged.cells):
            start = (merged.min_row, merged.min_col)
            sheet.merged_cells.ranges.remove(merged)  # type: ignore[attr-defined]
            break
    sheet.merge_cells(  # type: ignore[attr-defined]
        start_row=start[0], start_column=start[1], end_row=row, end_column=column
    )


def _word(plan: Plan, path: Path) -> None:
    document = Document()
    rows: list[tuple[str, ...]] = []
    for line in [*plan.lines, ""]:
        if isinstance(line, tuple):
            rows.append(line)
            continue
        if rows:
            _table(document, rows)
            rows = []
        if line:
            document.add_paragraph(line)
    document.save(str(path))


def _table(document: object, rows: list[tuple[str, ...]]) -> None:
    width = max(len(row) for row in rows)
    table: Table = document.add_table(rows=len(rows), cols=width)  # type: ignore[attr-defined]
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text and text not in (UP, LEFT):
                first, *more = (part.strip() for part in text.split(PARAGRAPH))
                table.cell(r, c).text = first
                for part in more:
                    table.cell(r, c).add_paragraph(part)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text == LEFT:
                table.cell(r, c - 1).merge(table.cell(r, c))
            elif text == UP:
                table.cell(r - 1, c).merge(table.cell(r, c))
