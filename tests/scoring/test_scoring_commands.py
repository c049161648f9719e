"""`planner scoring` and `planner report scoring` as Sở Nội vụ and a department use them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.cli.test_report_command import run
from tests.importing.documents import DIEN_BIEN, seed

# The command line runs on today's clock: this year's round is still open for self-assessment.
YEAR = date.today().year
ROUND = ("--year", str(YEAR), "--unit-kind", "department")


def test_a_department_self_assesses_and_sở_nội_vụ_reads_the_results(
    database_url: str, tmp_path: Path
) -> None:
    run(database_url, "init")
    run(database_url, "import", str(seed(DIEN_BIEN)))
    created = run(
        database_url, "scoring", "round", "create", *ROUND, "--units", "STP,STC", "--as", "SNV"
    )
    assert f"Đã mở đợt chấm điểm năm {YEAR} (các cơ quan chuyên môn thuộc UBND tỉnh): 2 đơn vị" in (
        created.stdout
    )
    run(
        database_url,
        "scoring",
        "self-assess",
        *ROUND,
        "STP",
        "1.1.1",
        "0,5",
        "--as",
        "STP",
        "--evidence",
        "Kế hoạch CCHC|https://stp.dienbien.gov.vn/kh-cchc",
    )
    run(
        database_url,
        "scoring",
        "self-assess",
        *ROUND,
        "STP",
        "1.2",
        "2,5",
        "--as",
        "STP",
        "--explanation",
        "Thiếu báo cáo quý I",
    )

    refused = run(
        database_url, "scoring", "self-assess", *ROUND, "STP", "1.2", "3", "--as", "STC", ok=False
    )
    assert refused.returncode == 1
    assert "kiem-thu (STC) không được tự đánh giá thay cho STP" in refused.stderr
    too_many = run(
        database_url,
        "scoring",
        "self-assess",
        *ROUND,
        "STP",
        "1.1.2",
        "1,25",
        "--as",
        "STP",
        "--explanation",
        "x",
        ok=False,
    )
    assert "STP, tiêu chí 1.1.2: điểm 1,25 ngoài khoảng 0 đến 1" in too_many.stderr
    early = run(
        database_url, "scoring", "appraise", *ROUND, "STP", "1.2", "2", "--as", "SNV", ok=False
    )
    assert "STP: chưa nộp kết quả tự đánh giá" in early.stderr

    document = json.loads(run(database_url, "scoring", "results", *ROUND, "--json").stdout)
    assert (document["year"], document["unit_kind"]) == (YEAR, "department")
    leader = document["units"][0]
    assert {k: leader[k] for k in ("rank", "unit", "name", "kind", "achieved", "percent")} == {
        "rank": 1,
        "unit": "STP",
        "name": "Sở Tư pháp",
        "kind": "self_assessed",
        "achieved": "3",
        "percent": "3.00",
    }
    assert (leader["grade"], leader["grade_label"], leader["change"]) == ("poor", "Kém", None)
    assert leader["areas"][0] == {
        "code": "1",
        "name": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
        "max_points": "24",
        "achieved": "3",
    }

    out = tmp_path / "ket-qua.csv"
    written = run(database_url, "report", "scoring", *ROUND, "--out", str(out))
    assert "Đã ghi kết quả Chỉ số CCHC" in written.stdout and out.name in written.stdout
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {YEAR}"
    assert lines[6] == "1,Sở Tư pháp,3,100,3%,Kém,,,Tự đánh giá"
