"""The preview shows each task beside the cells it was read from, before anything is stored."""

from __future__ import annotations

from pathlib import Path

from planner.importer.preview import preview
from tests.importing.corpus.fidelity import imported


def test_a_task_split_by_a_page_break_shows_both_of_its_source_lines(tmp_path: Path) -> None:
    shown = preview(imported("phu-yen-2023-page-split", tmp_path))
    task = next(t for t in shown["tasks"] if t["reference"].endswith(" I.1"))
    text = [(c["source"], c["text"]) for c in task["cells"] if c["field"] == "text"]
    assert text == [
        (
            "dòng 12",
            "Đổi mới cách thức tuyên truyền cải cách hành chính, chú trọng video ngắn trên "
            "mạng xã hội và",
        ),
        ("dòng 15", "các trang thông tin điện tử của tỉnh"),
    ]
    assert task["lead_wording"] == "Sở Thông tin và Truyền thông"
    assert task["context"] == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"
    assert task["criteria"] == ["PAR_INDEX:1"]
    assert {h["source"] for h in shown["headers"]} >= {"dòng 13", "dòng 14"}


def test_group_rows_are_shown_as_headings_of_the_tasks_beneath(tmp_path: Path) -> None:
    shown = preview(imported("quang-tri-2022-par-sipas-appendix-number", tmp_path))
    headings = {h["heading"] for h in shown["headings"]}
    assert "Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị" in headings
    task = next(t for t in shown["tasks"] if t["reference"].endswith(" I.2.a"))
    assert task["context"].endswith("Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị")
