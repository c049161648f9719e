"""Every import report, of the seeds and of every corpus plan, is one the API's schema
documents: /api/imports answers it through that schema, so a report it did not describe
would be refused there instead of reaching a program."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.imports.answers import ImportAnswer
from planner.importer.document_file import read_document
from planner.importer.reading import read_plan_document
from planner.presentation.import_document import report_json
from planner.presentation.json_document import to_json
from tests.importing.corpus.build import plans
from tests.importing.corpus.fidelity import corpus_directory, imported
from tests.importing.documents import SEEDS, seed


def documented(report: Any) -> None:
    plain = to_json({**report_json(report, None, dry_run=True), "import_id": None})
    answer = ImportAnswer.model_validate(plain)
    assert answer.model_dump(mode="json", by_alias=True, exclude_unset=True) == plain


@pytest.mark.parametrize("name", SEEDS)
def test_a_seed_document_s_report_is_the_documented_answer(name: str) -> None:
    documented(read_plan_document(read_document(seed(name)), corpus_directory()))


@pytest.mark.parametrize("name", plans())
def test_a_corpus_plan_s_report_is_the_documented_answer(name: str, tmp_path: Path) -> None:
    documented(imported(name, tmp_path))
