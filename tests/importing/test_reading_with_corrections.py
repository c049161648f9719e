"""Sở Nội vụ corrects what the reader got wrong, and the document is read again with it.

Gia Lai's plan (tests/importing/to_correct) states no number, names the one-stop centre
in a way the registry does not know, and has a task whose agencies are merged with the row
above, so that the reader joins it to that row's text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.domain.errors import InvalidValue
from planner.domain.import_corrections import (
    ColumnMove,
    Corrections,
    RowMark,
    RowRole,
    corrections_from_json,
    corrections_json,
)
from planner.importer.document_file import read_document
from planner.importer.ledger import Use
from planner.importer.reading import Identity, read_plan_document
from planner.importer.report import ImportReport
from tests.importing.registry import default_directory

GIA_LAI = Path(__file__).parent / "to_correct" / "gia-lai-2024-to-correct.txt"
CENTRE = "Trung tâm Phục vụ hành chính công tỉnh"
FIXED = Corrections(
    number="45/KH-UBND",
    agencies=((CENTRE, "VPUBND"),),
    rows=(RowMark(1, "dòng 12", RowRole.TASK),),
)


def read(corrections: Corrections, path: Path = GIA_LAI) -> ImportReport:
    return read_plan_document(read_document(path), default_directory(), corrections=corrections)


def tasks(report: ImportReport) -> dict[str, tuple[str, tuple[str, ...]]]:
    assert report.document is not None, [str(e) for e in report.errors]
    return {t.reference: (t.text, t.lead) for t in report.document.tasks}


def test_as_written_the_plan_has_no_number_an_unknown_agency_and_two_tasks_in_one() -> None:
    report = read(Corrections())
    assert any("không tìm thấy số văn bản" in e.message for e in report.errors)
    assert [p.wording for p in report.parties.values() if p.kind == "unknown"] == [CENTRE]
    joined = read(Corrections(number="45/KH-UBND"))
    assert tasks(joined)["PL I.2"][0].endswith(
        "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm"
    )


def test_the_three_corrections_give_the_number_the_agency_and_the_task_of_its_own() -> None:
    report = read(FIXED)
    assert report.header.number == "45/KH-UBND"
    found = tasks(report)
    assert found["PL I.2"] == (
        "Kiểm tra công tác cải cách hành chính tại các sở, ban, ngành",
        ("SNV",),
    )
    assert found["PL I.2b"] == (
        "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm",
        ("SNV",),
    )
    assert found["PL II.1"][1] == ("VPUBND",)
    assert report.parties == {}
    assert report.warnings == []


def test_a_row_marked_as_a_heading_holds_the_tasks_beneath_it() -> None:
    marked = Corrections(number="45/KH-UBND", rows=(RowMark(1, "dòng 11", RowRole.HEADING),))
    report = read(marked)
    found = tasks(report)
    assert "PL I.2" not in found
    assert found["PL I.2.a"][0].startswith("Tổ chức hội nghị sơ kết")
    assert report.document is not None
    [task] = [t for t in report.document.tasks if t.reference == "PL I.2.a"]
    assert task.context.endswith("Kiểm tra công tác cải cách hành chính tại các sở, ban, ngành")
    headings = {u.key for u in report.cells if u.use is Use.HEADING}
    assert "Kiểm tra công tác cải cách hành chính tại các sở, ban, ngành" in headings


def test_a_row_marked_as_the_rest_of_the_row_above_is_joined_to_it() -> None:
    marked = Corrections(number="45/KH-UBND", rows=(RowMark(1, "dòng 15", RowRole.CONTINUATION),))
    report = read(marked)
    found = tasks(report)
    assert "PL II.2" not in found
    assert found["PL II.1"][0].endswith(
        "một cửa Công khai thủ tục hành chính trên Cổng thông tin điện tử tỉnh"
    )
    [number] = [u for u in report.cells if u.use is Use.FINDING]
    assert (str(number.origin), number.text) == ("dòng 15", "2")


def test_a_column_whose_heading_the_reader_did_not_know_is_said_to_hold_the_lead(
    tmp_path: Path,
) -> None:
    text = GIA_LAI.read_text("utf-8").replace("Cơ quan chủ trì", "Đầu mối")
    renamed = tmp_path / "gia-lai.txt"
    renamed.write_text(text, "utf-8")
    unread = read(Corrections(number="45/KH-UBND"), renamed)
    assert tasks(unread)["PL I.1"][1] == ()
    moved = Corrections(number="45/KH-UBND", columns=(ColumnMove(1, "Đầu mối", "lead"),))
    assert tasks(read(moved, renamed))["PL I.1"][1] == ("SNV",)


def test_in_a_revised_document_a_marked_row_is_found_by_its_words(tmp_path: Path) -> None:
    lines = GIA_LAI.read_text("utf-8").splitlines()
    revised = tmp_path / "gia-lai-revised.txt"
    revised.write_text("\n".join([*lines[:4], "(Bản sửa đổi)", *lines[4:]]) + "\n", "utf-8")
    words = "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm"
    moved = Corrections(number="45/KH-UBND", rows=(RowMark(1, "dòng 12", RowRole.TASK, words),))
    assert tasks(read(moved, revised))["PL I.2b"][0] == words
    gone = Corrections(number="45/KH-UBND", rows=(RowMark(1, "dòng 12", RowRole.TASK, "khác"),))
    report = read(gone, revised)
    assert "PL I.2b" not in tasks(report)
    assert any("không còn dòng nào như vậy" in w.message for w in report.warnings)


def test_a_mapping_to_an_agency_the_registry_does_not_have_is_an_error() -> None:
    report = read(Corrections(number="45/KH-UBND", agencies=((CENTRE, "TTHCC"),)))
    assert any("không có cơ quan mã TTHCC" in e.message for e in report.errors)
    assert report.document is None


def test_what_a_person_types_wins_over_the_corrections_kept_for_the_document() -> None:
    typed = Identity(number="46/KH-UBND")
    report = read_plan_document(
        read_document(GIA_LAI), default_directory(), identity=typed, corrections=FIXED
    )
    assert report.header.number == "46/KH-UBND"


def test_corrections_read_back_from_their_json_are_the_same() -> None:
    full = Corrections(
        number="45/KH-UBND",
        year=2024,
        agencies=((CENTRE, "VPUBND"),),
        rows=(RowMark(1, "dòng 12", RowRole.TASK, "Tổ chức hội nghị"),),
        columns=(ColumnMove(1, "Đầu mối", "lead"),),
    )
    assert corrections_from_json(corrections_json(full)) == full
    assert corrections_from_json({"issued_on": "05/03/2024"}).issued_on is not None


def test_a_corrections_file_with_a_wrong_value_names_it() -> None:
    wrong = {"rows": [{"table": 1, "source": "dòng 12", "role": "nhiệm vụ"}]}
    with pytest.raises(InvalidValue, match=r"^sua.json, rows\[0\]: role 'nhiệm vụ' không hợp lệ"):
        corrections_from_json(wrong, "sua.json")
