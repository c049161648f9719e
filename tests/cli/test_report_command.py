"""`planner report`: Sở Nội vụ writes the quarterly and annual reports to files."""

import json
from datetime import datetime
from pathlib import Path

from tests.command_line import Ran, run_planner
from tests.reports.reading import csv_lines, table_rows, workbook_sheets

PLAN = "365/KH-UBND"


def run(database_url: str, *args: str, ok: bool = True) -> Ran:
    return run_planner(database_url, *args, env={"PLANNER_USER": "kiem-thu"}, ok=ok)


def test_quarterly_and_annual_reports_are_written_in_each_format(
    database_url: str, tmp_path: Path
) -> None:
    run(database_url, "demo")
    workbook = tmp_path / "quy-3.xlsx"
    done = run(
        database_url,
        *("report", "quarterly", "--plan", PLAN, "--quarter", "2023Q3"),
        *("--out", str(workbook), "--as-of", "30/09/2023"),
    )
    assert "Đã ghi báo cáo Quý III/2023 của kế hoạch 365/KH-UBND" in done.stdout
    assert "(số liệu đến hết ngày 30/09/2023, theo số liệu hiện nay)" in done.stdout
    content = workbook.read_bytes()
    assert list(workbook_sheets(content)) == [
        "Tiến độ",
        "PAR_INDEX 2023",
        "SIPAS 2023",
        "PAPI 2023",
        "Quá hạn",
        "Hoàn thành",
    ]
    whole = table_rows(content, "Tiến độ")["Toàn kế hoạch"]
    assert whole[1:] == (16, 4, 2, 2, 5, 6, 1, 0, 25, 2, 12.5)
    completed = table_rows(content, "Hoàn thành")
    assert completed["2"][1:7] == (
        "PL2 I.1",
        "Đôn đốc các cơ quan, đơn vị thực hiện chế độ báo cáo đảm bảo nội dung và thời gian "
        "quy định",
        "Quý III/2023",
        datetime(2023, 9, 12),
        datetime(2023, 9, 15),
        "Trễ hạn",
    )

    page = tmp_path / "nam-2023.html"
    run(
        database_url,
        *("report", "annual", "--plan", PLAN, "--year", "2023", "--format", "html"),
        *("--out", str(page), "--as-of", "25/11/2023"),
    )
    html = page.read_text(encoding="utf-8")
    assert "Báo cáo năm về tiến độ thực hiện Kế hoạch số 365/KH-UBND: Năm 2023" in html
    assert "Số liệu tính đến hết ngày 25/11/2023" in html and "<svg" in html

    table = tmp_path / "nam-2023.csv"
    run(database_url, "report", "annual", "--plan", PLAN, "--year", "2023", "--out", str(table))
    lines = csv_lines(table.read_bytes())
    assert lines[0] == ["Báo cáo năm về tiến độ thực hiện Kế hoạch số 365/KH-UBND: Năm 2023"]
    assert lines[2] == [
        "Số liệu tính đến hết ngày 31/12/2023, theo số liệu hiện nay"
    ]  # a past year: as of its end
    assert lines[3] == ["Hạn báo cáo: 25/11/2023 (trước ngày 25/11 hàng năm)"]


def test_bad_input_is_refused_naming_what_and_where(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'planner.db'}"
    run(database_url, "demo")
    out = str(tmp_path / "bao-cao.html")
    quarterly = ("report", "quarterly", "--plan", PLAN, "--quarter")
    refusals = {
        (*quarterly, "2023Q5", "--out", out): "--quarter '2023Q5': quý 5 không tồn tại",
        (*quarterly, "2023Q3", "--out", out, "--as-of", "31/02/2023"): (
            "--as-of: ngày 31/02/2023 không tồn tại (tháng 2 năm 2023 có 28 ngày)"
        ),
        (*quarterly, "2023Q3", "--out", out, "--as-of", "15/06/2023"): (
            "--as-of: ngày 15/06/2023 trước khi Quý III/2023 bắt đầu (01/07/2023)"
        ),
        ("report", "annual", "--plan", "999/KH-UBND", "--year", "2023", "--out", out): (
            "không có kế hoạch số '999/KH-UBND'"
        ),
        (*quarterly, "2023Q3", "--out", str(tmp_path / "bao-cao.pdf")): (
            "--out: không có định dạng '.pdf' (html, xlsx hoặc csv)"
        ),
        (*quarterly, "2023Q3", "--out", str(tmp_path / "khong-co" / "q3.html")): (
            "--out: không có thư mục"
        ),
    }
    for args, message in refusals.items():
        refused = run(database_url, *args, ok=False)
        assert refused.returncode == 1, args
        assert f"Lỗi: {message}" in refused.stderr, refused.stderr
    assert not list(tmp_path.glob("bao-cao*"))  # nothing written


def test_reporting_deadlines_for_the_reminder_service(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'planner.db'}"
    done = run(database_url, "report", "deadlines", "--year", "2024", "--json")
    deadlines = json.loads(done.stdout)["deadlines"]
    assert deadlines[0] == {
        "report": "quarterly",
        "period": "2024-Q1",
        "due_on": "2024-03-12",
        "rule": "Trước ngày 12 tháng cuối quý",
    }
    assert deadlines[3] == {
        "report": "annual",
        "period": "2024",
        "due_on": "2024-11-25",
        "rule": "Trước ngày 25/11 hàng năm",
    }
