"""The `planner` command, run as a user runs it, on a real database."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.command_line import Ran, run_planner


def planner(database_url: str, *args: str, ok: bool = True) -> Ran:
    return run_planner(database_url, *args, env={"PLANNER_USER": "kiem-thu"}, ok=ok)


def as_json(done: Ran) -> Any:
    return done.json()


def test_demo_then_watch_and_report_from_the_command_line(database_url: str) -> None:
    assert "thêm 29 cơ quan" in planner(database_url, "init").stdout
    shown = planner(database_url, "demo").stdout
    assert "Tiến độ theo cơ quan" in shown and "Nhiệm vụ quá hạn ngày 25/11/2023" in shown

    overdue = as_json(planner(database_url, "overdue", "--on", "25/11/2023", "--json"))
    assert overdue["on"] == "2023-11-25"
    assert [(i["reference"], i["days_late"]) for i in overdue["items"]] == [("PL2 III.2", 56)]
    task = overdue["items"][0]["task_id"]

    refused = planner(database_url, "task", "complete", task[:8], "--as", "STC", ok=False)
    assert refused.returncode == 1
    assert "STC không chủ trì nhiệm vụ PL2 III.2" in refused.stderr

    done = planner(
        database_url,
        "task",
        "complete",
        task[:8],
        "--as",
        "Văn phòng UBND tỉnh",
        "--evidence",
        "Quyết định công bố TTHC|https://vpubnd.backan.gov.vn/qd.pdf",
    )
    assert "Hoàn thành" in done.stdout
    progress = as_json(planner(database_url, "progress", "--plan", "365/KH-UBND", "--json"))
    office = next(a for a in progress["agencies"] if a["agency"] == "VPUBND")
    assert (
        office["completed"] == 3 and office["total"] == 7 and office["percent_complete"] == "42.9"
    )
    # Done today, so not yet done on 25/11/2023, in either reading of that day.
    for basis in ("hien-nay", "da-ghi-nhan"):
        then = as_json(
            planner(
                database_url,
                *("progress", "--plan", "365/KH-UBND", "--on", "25/11/2023", "--basis", basis),
                "--json",
            )
        )
        office = next(a for a in then["agencies"] if a["agency"] == "VPUBND")
        assert (office["completed"], office["overdue"], then["basis"]) == (
            2,
            1,
            {"hien-nay": "current", "da-ghi-nhan": "recorded"}[basis],
        )

    history = as_json(planner(database_url, "history", task[:8], "--json"))
    completed = history["entries"][-1]
    assert (completed["event"], completed["actor_user"], completed["actor_agency"]) == (
        "Completed",
        "kiem-thu",
        "VPUBND",
    )
    assert completed["details"]["evidence"][0]["link"] == "https://vpubnd.backan.gov.vn/qd.pdf"

    scores = as_json(planner(database_url, "scores", "--plan", "365/KH-UBND", "--json"))
    papi = next(line for line in scores["lines"] if line["index"] == "PAPI" and line["code"] == "")
    assert (papi["last_year_points"], papi["target_value"]) == ("42.41", "58.57")


def test_bad_input_is_refused_with_what_and_where(database_url: str) -> None:
    planner(database_url, "demo")
    wrong_date = planner(database_url, "overdue", "--on", "31/02/2023", ok=False)
    assert "--on: ngày 31/02/2023 không tồn tại" in wrong_date.stderr
    unknown = planner(database_url, "task", "start", "00000000", "--as", "SNV", ok=False)
    assert "không có nhiệm vụ mã '00000000'" in unknown.stderr
    not_hex = planner(database_url, "task", "start", "zzzz", "--as", "SNV", ok=False)
    assert "mã chỉ gồm chữ số 0–9 và chữ a–f" in not_hex.stderr
    assert "ít nhất 4" not in not_hex.stderr  # it has 4
    too_short = planner(database_url, "task", "start", "abc", "--as", "SNV", ok=False)
    assert "cần ít nhất 4 ký tự của mã, có 3" in too_short.stderr
    stranger = planner(database_url, "overdue", "--plan", "999/KH-UBND", ok=False)
    assert "không có kế hoạch số '999/KH-UBND'" in stranger.stderr
    nobody = planner(database_url, "task", "list", "--plan", "365/KH-UBND", "--json")
    task = as_json(nobody)["tasks"][0]["task_id"]
    unknown_agency = planner(database_url, "task", "start", task, "--as", "Sở Tư phap", ok=False)
    assert (
        "không có cơ quan 'Sở Tư phap'" in unknown_agency.stderr
        and "Sở Tư pháp" in unknown_agency.stderr
    )
    no_such_code = planner(database_url, "overdue", "--agency", "SOXYZ", ok=False)
    assert "không có cơ quan 'SOXYZ' trong danh mục (có phải:" in no_such_code.stderr
    misnamed = planner(
        database_url, "task", "list", "--agency", "Sở Thông tin truyền thông", ok=False
    )
    assert "có phải: Sở Thông tin và Truyền thông" in misnamed.stderr
    by_name = planner(database_url, "task", "list", "--agency", "Sở Tài chính", "--json")
    assert all("STC" in (*t["lead"], *t["coordinating"]) for t in as_json(by_name)["tasks"])


def test_backup_restore_and_rebuild_from_the_command_line(tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'a.db'}"
    restored = f"sqlite:///{tmp_path / 'b.db'}"
    backup = tmp_path / "events.jsonl"
    planner(source, "demo")
    assert "Đã xuất" in planner(source, "events", "export", str(backup)).stdout
    assert "Đã nạp" in planner(restored, "events", "import", str(backup)).stdout
    assert "Đã dựng lại" in planner(restored, "projections", "rebuild").stdout
    for url in (source, restored):
        assert as_json(planner(url, "progress", "--on", "25/11/2023", "--json"))["agencies"]
    same = [
        as_json(planner(url, "overdue", "--on", "25/11/2023", "--json"))
        for url in (source, restored)
    ]
    assert same[0] == same[1]
    again = planner(restored, "events", "import", str(backup), ok=False)
    assert "chỉ nhập được vào một kho trống" in again.stderr
    assert "không chạy planner init trước" in again.stderr  # init records the agencies


@pytest.mark.parametrize("command", [["--help"], ["task", "--help"], ["agency", "list"]])
def test_help_and_listings_work_on_a_new_store(tmp_path: Path, command: list[str]) -> None:
    """A real process: the module entry point starts, and a new store is made on first use."""
    env = {**os.environ, "PLANNER_DATABASE_URL": f"sqlite:///{tmp_path / 'new.db'}"}
    done = subprocess.run(
        [sys.executable, "-m", "planner.bootstrap.command_line", *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_sở_nội_vụ_keeps_the_province_s_own_days_and_counts_working_days_on_them(
    database_url: str,
) -> None:
    planner(database_url, "init")
    counted = planner(database_url, "calendar", "after", "24/04/2025", "5").stdout
    assert "5 ngày làm việc sau 24/04/2025: 05/05/2025" in counted  # 26/04 was worked (làm bù)

    planner(database_url, "calendar", "day-off", "05/05/2025", "--reason", "Ngày giải phóng tỉnh")
    counted = planner(database_url, "calendar", "after", "24/04/2025", "5").stdout
    assert "24/04/2025: 06/05/2025" in counted
    refused = planner(database_url, "calendar", "day-off", "06/05/2025", "--reason", "", ok=False)
    assert "Lỗi:" in refused.stderr and "06/05/2025: cần nêu lý do" in refused.stderr

    listed = as_json(planner(database_url, "calendar", "list", "--json"))
    assert listed["days"] == [
        {"day": "2025-05-05", "kind": "ngày nghỉ", "reason": "Ngày giải phóng tỉnh"}
    ]
    history = as_json(planner(database_url, "calendar", "history", "--json"))["entries"]
    added = history[-1]
    assert (added["event"], added["actor_user"], added["actor_agency"]) == (
        "DayOffAdded",
        "kiem-thu",
        "SNV",
    )
    assert added["details"] == {"day": "2025-05-05", "reason": "Ngày giải phóng tỉnh"}


def test_a_day_far_outside_this_century_is_refused_in_vietnamese(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    refused = planner(url, "overdue", "--on", "31/12/9999", ok=False)
    assert refused.returncode == 1
    assert "--on: ngày 31/12/9999 nằm ngoài khoảng planner nhận (01/01/2000 – 31/12/2100)" in (
        refused.stderr
    )
    too_many = planner(url, "calendar", "after", "01/01/2024", "5000", ok=False)
    assert too_many.returncode == 2 and "'days'" in too_many.stderr


def test_a_coordinating_body_sends_its_input_and_sở_nội_vụ_sees_who_is_late(
    database_url: str,
) -> None:
    planner(database_url, "demo")
    listed = as_json(planner(database_url, "task", "list", "--plan", "365/KH-UBND", "--json"))
    task = next(t["task_id"] for t in listed["tasks"] if t["reference"] == "PL2 II.4")
    sent = planner(
        database_url, "task", "input", task[:8], "--as", "STC", "--note", "Số liệu kinh phí"
    )
    assert "Đã ghi nhận ý kiến" in sent.stdout
    planner(
        database_url, "plan", "input-days", "--plan", "365/KH-UBND", "--days", "3", "--reason", "x"
    )

    counts = as_json(planner(database_url, "inputs", "--plan", "365/KH-UBND", "--json"))
    finance = next(a for a in counts["agencies"] if a["agency"] == "STC")
    assert (finance["sent_late"], finance["sent_on_time"]) == (1, 0)  # sent today, due in 2023
    assert finance["missing"] >= 1  # the other tasks it coordinates
    shown = planner(database_url, "inputs", "--plan", "365/KH-UBND").stdout
    assert "Ý kiến phối hợp" in shown and "Sở Tài chính" in shown


def test_sở_nội_vụ_gives_two_departments_a_later_day_from_the_command_line(
    database_url: str,
) -> None:
    planner(database_url, "init")
    planner(database_url, "demo")
    listed = as_json(planner(database_url, "task", "list", "--plan", "365/KH-UBND", "--json"))
    shared = next(t for t in listed["tasks"] if t["reference"] == "PL2 VIII.2")
    command = ("task", "extend-parts", shared["task_id"][:8], "--bodies", "Sở Tư pháp; SYT")
    refused = planner(
        database_url, *command, "--to", "31/02/2024", "--reason", "Chờ", "--as", "SNV", ok=False
    )
    assert "--to" in refused.stderr and "31/02/2024" in refused.stderr
    decided = ("--effective-on", "10/01/2024", "--because", "Công văn số 12/SNV ngày 10/01/2024")
    given = planner(
        database_url,
        *command,
        *("--to", "31/03/2024", "--reason", "Chờ số liệu", "--as", "SNV"),
        *decided,
    )
    assert "Đã gia hạn đến 31/03/2024" in given.stdout
    late = as_json(planner(database_url, "overdue", "--on", "15/01/2024", "--json"))
    item = next(i for i in late["items"] if i["reference"] == "PL2 VIII.2")
    assert {"STP", "SYT"}.isdisjoint(item["parts_open"]) and "STC" in item["parts_open"]
    before = as_json(planner(database_url, "overdue", "--on", "05/01/2024", "--json"))
    item = next(i for i in before["items"] if i["reference"] == "PL2 VIII.2")
    assert {"STP", "SYT"} <= set(item["parts_open"])  # not yet given more time that day
