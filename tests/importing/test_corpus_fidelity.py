"""Plans laid out as other provinces publish them, read against a hand count of each.

Each corpus plan (tests/importing/corpus/plans) is built as the .txt, .docx or .xlsx a
province would publish and imported; its expected file says, task by task, the reference,
text, lead and coordinating agencies, timeframe, output and the index area it serves.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from planner.domain.plan import plan_number
from planner.importer.document_file import read_document
from planner.importer.reading import read_plan_document
from planner.presentation.vietnamese import format_date
from tests.importing.corpus.build import plans, read_plan, write
from tests.importing.corpus.fidelity import (
    corpus_directory,
    expected,
    fidelity,
    imported,
    short_reference,
)


@pytest.mark.parametrize("name", plans())
def test_every_task_of_the_plan_is_found_as_counted_by_hand(name: str, tmp_path: Path) -> None:
    report = imported(name, tmp_path)
    assert report.document is not None, [str(e) for e in report.errors]
    result = fidelity(name, report)
    assert (result.lost, result.invented) == ([], [])
    assert result.wrong == []


@pytest.mark.parametrize("name", plans())
def test_the_plan_is_known_by_the_number_and_date_it_states(name: str, tmp_path: Path) -> None:
    wanted = expected(name)
    report = imported(name, tmp_path, given=False)
    header = report.header
    issued = format_date(header.issued_on) if header.issued_on else None
    number = plan_number(header.number) if header.number else None
    assert (number, issued, header.province) == (
        wanted["number"],
        wanted["issued_on"],
        wanted["province"],
    )


@pytest.mark.parametrize("name", plans())
def test_unknown_agencies_are_asked_about_and_nothing_else(name: str, tmp_path: Path) -> None:
    report = imported(name, tmp_path)
    unknown = sorted(p.wording for p in report.parties.values() if p.kind == "unknown")
    assert unknown == expected(name)["unknown"]


@pytest.mark.parametrize("kind", ["txt", "xlsx"])
def test_a_heading_and_signature_laid_out_as_tables_are_read_in_any_format(
    kind: str, tmp_path: Path
) -> None:
    plan = replace(read_plan("gia-lai-2024-letterhead-table"), format=kind)
    report = read_plan_document(read_document(write(plan, tmp_path)), corpus_directory())
    assert report.document is not None, [str(e) for e in report.errors]
    assert report.document.plan.number == "1234/KH-UBND"
    references = [short_reference(t.reference) for t in report.document.tasks]
    assert references == ["I.1", "I.2", "II.1"]


def test_a_lead_cell_naming_a_whole_group_keeps_the_group_for_bodies_joining_it_later(
    tmp_path: Path,
) -> None:
    report = imported("tay-ninh-2023-no-number-column", tmp_path)
    assert report.document is not None
    groups = {short_reference(t.reference): t.lead_groups for t in report.document.tasks}
    assert (groups["1"], groups["2"], groups["4"]) == (("UBND_CAP_HUYEN",), ("UBND_CAP_XA",), ())
