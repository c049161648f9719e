"""Nothing lost, nothing invented: every cell of a plan's task tables is accounted for.

Each non-empty cell ends up in exactly one place — a task's field, a heading, a header the
table repeats, or a finding that names it — and the fields hold the cells' text whole:
joined back in order, the cells give the field, word for word.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from planner.application.plan_document import TaskEntry
from planner.importer.cells import cell_text
from planner.importer.document_file import read_document
from planner.importer.ledger import CellUse, Use
from planner.importer.reading import read_plan_document
from planner.importer.report import ImportReport
from planner.importer.source import Origin, Row, SourceDocument
from planner.importer.tables import segment
from tests.importing.corpus.build import build, plans
from tests.importing.corpus.fidelity import imported
from tests.importing.documents import BAC_KAN, DIEN_BIEN, HA_NAM, HA_NAM_PROGRAMME, seed
from tests.importing.registry import bac_kan_directory, default_directory


def _cells(source: SourceDocument) -> dict[tuple[Origin, int], str]:
    """The non-empty cells of the document's table rows (sheet lines of prose aside)."""
    prose = {p.origin for p in segment(source).paragraphs}
    return {
        (block.origin, column): cell_text(cell)
        for block in source.blocks
        if isinstance(block, Row) and block.origin not in prose
        for column, cell in enumerate(block.cells)
        if cell_text(cell)
    }


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", plans())
def test_every_cell_ends_up_in_exactly_one_place(name: str, tmp_path: Path) -> None:
    source = read_document(build(name, tmp_path))
    _assert_conserved(source, imported(name, tmp_path))


@pytest.mark.parametrize("name", [BAC_KAN, HA_NAM, DIEN_BIEN, HA_NAM_PROGRAMME])
def test_every_cell_of_the_seed_documents_ends_up_in_exactly_one_place(name: str) -> None:
    source = read_document(seed(name))
    directory = bac_kan_directory() if name == BAC_KAN else default_directory()
    _assert_conserved(source, read_plan_document(source, directory))


def _assert_conserved(source: SourceDocument, report: ImportReport) -> None:
    """Each cell in one place, or in as many as its paragraphs when they went to different
    tasks; the places hold the cell's words, in order."""
    cells = _cells(source)
    uses: dict[tuple[Origin, int], list[CellUse]] = defaultdict(list)
    for use in report.cells:
        uses[(use.origin, use.column)].append(use)
    unaccounted = [(str(o), c, t) for (o, c), t in cells.items() if not uses[(o, c)]]
    assert unaccounted == []
    assert [str(place[0]) for place in uses if place not in cells] == []
    twice = [str(o) for (o, c), used in uses.items() if len({u.part for u in used}) < len(used)]
    assert twice == []
    changed = [
        (str(o), c)
        for (o, c), used in uses.items()
        if _normal(" ".join(u.text for u in sorted(used, key=lambda u: u.part))) != cells[(o, c)]
    ]
    assert changed == []


@pytest.mark.parametrize("name", plans())
def test_each_task_field_is_its_cells_joined_word_for_word(name: str, tmp_path: Path) -> None:
    report = imported(name, tmp_path)
    assert report.document is not None
    tasks = {t.reference: t for t in report.document.tasks}
    fields = _task_fields(report)
    assert {reference for reference, _ in fields} <= set(tasks)
    for (reference, field), used in fields.items():
        joined = used[0].text + "".join(u.joined_with + u.text for u in used[1:])
        held = _held(tasks[reference], field)
        if field == "number":
            assert held.endswith(joined.rstrip(".)")), (reference, joined)
        else:
            assert _normal(held) == _normal(joined), (reference, field)


def test_a_cell_the_task_has_no_field_for_is_named_in_a_finding(tmp_path: Path) -> None:
    report = imported("ninh-thuan-2023-two-row-header", tmp_path)
    [note] = [u for u in report.cells if u.use is Use.FINDING]
    assert note.text == "Chỉ tiêu Chính phủ giao"
    assert any("Chỉ tiêu Chính phủ giao" in w.message for w in report.warnings)


def _task_fields(report: ImportReport) -> dict[tuple[str, str], list[CellUse]]:
    fields: dict[tuple[str, str], list[CellUse]] = defaultdict(list)
    for use in report.cells:
        if use.use is Use.TASK:
            fields[(use.key, use.field)].append(use)
    return fields


def _held(task: TaskEntry, field: str) -> str:
    return {
        "number": task.reference,
        "text": task.text,
        "lead": task.lead_wording,
        "coordinating": task.coordinating_wording,
        "schedule": task.schedule.text,
        "output": task.expected_output,
    }[field]
