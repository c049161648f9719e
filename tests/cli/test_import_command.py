"""`planner import`, run as Sở Nội vụ runs it, on the seed documents and on broken files."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

from tests.cli.test_command_line import as_json, planner
from tests.importing.corpus.build import build
from tests.importing.documents import BAC_KAN, DIEN_BIEN, HA_NAM, seed, seed_lines


def test_sở_nội_vụ_imports_bac_kan_and_reads_the_report_as_json(database_url: str) -> None:
    planner(database_url, "init")
    report = as_json(planner(database_url, "import", str(seed(BAC_KAN)), "--json"))
    document = report["document"]
    assert (document["kind"], document["number"], document["issued_on"], document["year"]) == (
        "plan",
        "365/KH-UBND",
        "2023-06-08",
        2023,
    )
    assert [(t["label"], t["kind"], t["index"]) for t in report["tables"]] == [
        ("Phụ lục 1", "mixed", "PAR_INDEX"),
        ("Phụ lục 2", "mixed", "PAR_INDEX"),
        ("Phụ lục 3", "mixed", "SIPAS"),
        ("Phụ lục 4", "mixed", "PAPI"),
    ]
    assert report["counts"] == {
        "tables": 4,
        "criteria": 147,
        "targets": 146,
        "tasks": 139,
        "obligations": 2,
        "criteria_sets": 0,
    }
    assert report["stored"]["added"] == {"plan": 1, "obligation": 2, "target": 146, "task": 139}
    assert report["errors"] == []
    duplicate = next(w for w in report["warnings"] if w["message"].startswith("mã 1.2"))
    assert (duplicate["table"], duplicate["line"], duplicate["source"]) == (
        "Phụ lục 2",
        159,
        "dòng 159",
    )
    unknown = {p["wording"]: p for p in report["agencies"]["unknown"]}
    assert unknown["Công ty Điện lực Bắc Kạn"]["places"] == [
        "Phụ lục 3, dòng 269",
        "Phụ lục 3, dòng 270",
    ]
    assert report["schedules"]["recurring"] == 2
    assert report["obligations"][0]["due_on"] == "2023-06-20"

    again = planner(database_url, "import", str(seed(BAC_KAN)))
    assert "Không có gì thay đổi (288 mục đã có sẵn, không đổi)" in again.stdout
    tasks = as_json(planner(database_url, "task", "list", "--plan", "365/KH-UBND", "--json"))
    assert len(tasks["tasks"]) == 139

    planner(database_url, "agency", "alias", "MTTQ", "Ủy ban MTTQ Việt Nam các cấp")
    completed = as_json(planner(database_url, "import", str(seed(BAC_KAN)), "--json"))
    assert "Ủy ban MTTQ Việt Nam các cấp" not in {
        p["wording"] for p in completed["agencies"]["unknown"]
    }
    assert completed["stored"]["changed"] == {"task": 3}


def test_a_dry_run_stores_nothing_and_broken_files_are_refused(
    database_url: str, tmp_path: Path
) -> None:
    dry = planner(database_url, "import", str(seed(HA_NAM)), "--dry-run")
    assert "Chạy thử (--dry-run), không ghi gì; sẽ thêm 1 kế hoạch" in dry.stdout
    assert as_json(planner(database_url, "plan", "list", "--json")) == {"plans": []}

    empty = tmp_path / "trong.txt"
    empty.write_text("")
    refused = planner(database_url, "import", str(empty), ok=False)
    assert refused.returncode == 1
    assert "Lỗi: tệp trong.txt trống: không có gì để nhập" in refused.stderr

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Ngày sinh"])
    names = tmp_path / "danh-sach.xlsx"
    workbook.save(names)
    not_a_plan = planner(database_url, "import", str(names), "--json", ok=False)
    assert not_a_plan.returncode == 1
    assert as_json(not_a_plan)["errors"][0]["message"].endswith("tệp này không phải là kế hoạch")

    wrong = tmp_path / "ke-hoach-sai-ngay.txt"
    wrong.write_text(
        "\n".join(
            line.replace("Quý III-IV/2023", "Trước ngày 31/02/2023") for line in seed_lines(BAC_KAN)
        ),
        encoding="utf-8",
    )
    impossible = planner(database_url, "import", str(wrong), ok=False)
    assert (
        "Lỗi: Phụ lục 1, dòng 106 (cột 'Thời gian thực hiện'): thời gian 'Trước ngày "
        "31/02/2023': ngày 31/02/2023 không tồn tại" in impossible.stderr
    )
    assert as_json(planner(database_url, "plan", "list", "--json")) == {"plans": []}


def test_criteria_sets_are_imported_and_listed(database_url: str) -> None:
    imported = as_json(planner(database_url, "import", str(seed(DIEN_BIEN)), "--json"))
    assert [
        (s["unit_kind"], s["criteria"], s["survey_max"]) for s in imported["criteria_sets"]
    ] == [
        ("department", 152, "19"),
        ("district", 164, "25"),
    ]
    listed = as_json(planner(database_url, "criteria", "--unit", "district", "--json"))
    [district] = listed["criteria_sets"]
    assert (district["province"], district["year"], len(district["criteria"])) == (
        "Điện Biên",
        2024,
        164,
    )
    assert district["criteria"][-1] == {
        "code": "8.3.9",
        "name": "Chỉ số hài lòng về việc tiếp nhận, xử lý phản ánh, kiến nghị liên quan đến TTHC",
        "level": "sub_criterion",
        "max_points": "1",
        "survey_based": True,
        "notes": "ĐTXHH",
    }


def test_a_plan_that_states_no_number_is_completed_by_sở_nội_vụ_not_refused(
    database_url: str, tmp_path: Path
) -> None:
    """Đắk Nông's plan has neither a 'Số:' line nor a caption naming its number."""
    planner(database_url, "init")
    path = build("dak-nong-2024-no-number", tmp_path)
    asked = planner(database_url, "import", str(path), "--json", ok=False)
    [error] = as_json(asked)["errors"]
    assert "--number 123/KH-UBND" in error["message"]

    given = ("--number", "123/KH-UBND", "--issued-on", "17/08/2024", "--json")
    report = as_json(planner(database_url, "import", str(path), *given))
    document = report["document"]
    assert (document["number"], document["issued_on"], document["year"]) == (
        "123/KH-UBND",
        "2024-08-17",
        2024,
    )
    assert report["stored"]["added"]["task"] == 3

    wrong = planner(database_url, "import", str(path), "--issued-on", "31/02/2024", ok=False)
    assert "--issued-on" in wrong.stderr + wrong.stdout


GIA_LAI = (
    Path(__file__).resolve().parents[1] / "importing" / "to_correct" / "gia-lai-2024-to-correct.txt"
)
CENTRE = "Trung tâm Phục vụ hành chính công tỉnh"


def test_corrections_given_in_a_file_are_kept_and_applied_when_the_plan_is_imported_again(
    database_url: str, tmp_path: Path
) -> None:
    planner(database_url, "init")
    refused = as_json(planner(database_url, "import", str(GIA_LAI), "--json", ok=False))
    assert refused["errors"][0]["message"].startswith("không tìm thấy số văn bản")
    corrections = tmp_path / "sua.json"
    corrections.write_text(
        json.dumps(
            {
                "number": "45/KH-UBND",
                "agencies": {CENTRE: "VPUBND"},
                "rows": [{"table": 1, "source": "dòng 12", "role": "task"}],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    command = ("import", str(GIA_LAI), "--json", "--corrections", str(corrections))
    stored = as_json(planner(database_url, *command))
    assert stored["corrections"]["number"] == "45/KH-UBND"
    assert stored["corrections"]["rows"] == [
        {
            "table": 1,
            "source": "dòng 12",
            "role": "task",
            "text": "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm",
        }
    ]
    assert stored["corrections_kept"] is None
    assert stored["stored"]["added"] == {
        "plan": 1,
        "task": 5,
        "corrections": 1,
        "alias": 1,
    }
    references = [t["reference"] for t in stored["preview"]["tasks"]]
    assert references == ["PL I.1", "PL I.2", "PL I.2b", "PL II.1", "PL II.2"]

    again = as_json(planner(database_url, "import", str(GIA_LAI), "--json"))
    assert again["errors"] == []
    assert again["document"]["number"] == "45/KH-UBND"
    assert again["corrections_kept"]["corrections"]["agencies"] == {CENTRE: "VPUBND"}
    assert again["stored"]["events"] == 0
    agencies = as_json(planner(database_url, "agency", "list", "--json"))
    office = next(a for a in agencies["agencies"] if a["code"] == "VPUBND")
    assert CENTRE in office["aliases"]


def test_kept_corrections_found_wrong_are_forgotten_and_not_applied_again(
    database_url: str, tmp_path: Path
) -> None:
    planner(database_url, "init")
    wrong = tmp_path / "sua-sai.json"
    mark = {"table": 1, "source": "dòng 12", "role": "task"}
    wrong.write_text(
        json.dumps({"number": "45/KH-UBND", "agencies": {CENTRE: "VPUBND"}, "rows": [mark]}),
        encoding="utf-8",
    )
    planner(database_url, "import", str(GIA_LAI), "--corrections", str(wrong))
    right = tmp_path / "sua.json"
    right.write_text(
        json.dumps({"number": "45/KH-UBND", "agencies": {CENTRE: "VPUBND"}}), encoding="utf-8"
    )
    command = ("import", str(GIA_LAI), "--json", "--corrections", str(right))
    preview = as_json(planner(database_url, *command, "--forget-corrections", "--dry-run"))
    assert preview["corrections"]["rows"] == []
    assert preview["corrections_kept"] is None
    references = [t["reference"] for t in preview["preview"]["tasks"]]
    assert references == ["PL I.1", "PL I.2", "PL II.1", "PL II.2"]

    stored = as_json(planner(database_url, *command, "--forget-corrections"))
    assert stored["stored"]["changed"]["corrections"] == 1
    again = as_json(planner(database_url, "import", str(GIA_LAI), "--json"))
    assert again["corrections_kept"]["corrections"]["rows"] == []
    assert again["corrections_kept"]["corrections"]["agencies"] == {CENTRE: "VPUBND"}
    assert [t["reference"] for t in again["preview"]["tasks"]] == references


def test_a_corrections_file_that_is_not_json_is_refused_naming_it(
    database_url: str, tmp_path: Path
) -> None:
    broken = tmp_path / "sua.json"
    broken.write_text("{number: 45}", encoding="utf-8")
    refused = planner(database_url, "import", str(GIA_LAI), "--corrections", str(broken), ok=False)
    assert "Lỗi: --corrections sua.json: không phải JSON hợp lệ" in refused.stderr
