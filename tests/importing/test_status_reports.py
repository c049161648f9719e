"""A province starts mid-year: its plan imported today, then its last report of results."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.domain.errors import InvalidValue
from planner.importer.document_file import read_document
from planner.importer.status_report import read_status_report
from planner.queries.basis import Basis
from planner.reports.building import build_report
from planner.reports.periods import ReportPeriod
from tests.command_line import run_planner
from tests.conftest import vietnam_time
from tests.importing.documents import BAC_KAN, seed, write_word, write_workbook
from tests.importing.test_storing_documents import read, store

REPORT = Path(__file__).parent / "status_reports" / "bac-kan-2023-q3-status.txt"
PLAN = "365/KH-UBND"


def plan_imported_today(planner: Planner, clock: FixedClock) -> None:
    clock.set(vietnam_time(date(2026, 12, 4)))
    store(planner, read(planner, seed(BAC_KAN)))


def test_a_plan_imported_today_takes_its_last_status_report_as_of_the_days_it_gives(
    planner: Planner, clock: FixedClock
) -> None:
    plan_imported_today(planner, clock)
    plan = planner.views.plan(PLAN).plan_id
    report = read_status_report(read_document(REPORT))
    assert report.reported_on == date(2023, 9, 30)

    outcome = planner.status_reports.store(report, plan, planner.system)

    assert [line.split(":")[1].strip() for line in outcome.recorded] == ["PL2 I.1", "PL2 I.2"]
    assert any("III.9" in f and "không tìm thấy nhiệm vụ" in f for f in outcome.findings)
    assert any(
        "Đang rà soát lại danh mục" in f and "không rõ trạng thái" in f for f in outcome.findings
    )
    quarter = build_report(planner, PLAN, ReportPeriod.parse_quarter("2023Q3"))
    (done,) = [t for t in quarter.completed if t.reference == "PL2 I.1"]
    assert (done.completed_on, done.on_time) == (date(2023, 9, 11), True)
    then = {t.reference: t for t in planner.views.tasks_on(date(2023, 9, 30), plan, Basis.CURRENT)}
    assert (then["PL2 I.2"].occurrences[0].status, then["PL2 I.2"].occurrences[0].percent) == (
        "in_progress",
        60,
    )
    history = planner.views.history(then["PL2 I.1"].task_id)[-1]
    assert history.details["effective_on"] == "2023-09-11"
    assert history.details["backdated_because"] == f"theo {REPORT.name}"

    again = planner.status_reports.store(report, plan, planner.system)
    assert again.recorded == [] and len(again.unchanged) == 3


def test_the_same_report_reads_alike_from_word_and_excel(tmp_path: Path) -> None:
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    as_text = read_status_report(read_document(REPORT))
    for written in (
        write_word(lines, tmp_path / "bao-cao.docx"),
        write_workbook(lines, tmp_path / "bao-cao.xlsx"),
    ):
        found = read_status_report(read_document(written))
        assert [(r.reference, r.status, r.percent, r.done_on) for r in found.rows] == [
            (r.reference, r.status, r.percent, r.done_on) for r in as_text.rows
        ]
        assert found.reported_on == date(2023, 9, 30)


def test_a_report_without_its_date_asks_for_it(
    planner: Planner, clock: FixedClock, tmp_path: Path
) -> None:
    plan_imported_today(planner, clock)
    undated = tmp_path / "khong-ngay.txt"
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    undated.write_text("\n".join(line for line in lines if "ngày 30 tháng 9" not in line), "utf-8")
    report = read_status_report(read_document(undated))
    plan = planner.views.plan(PLAN).plan_id
    with pytest.raises(InvalidValue, match="--as-of"):
        planner.status_reports.store(report, plan, planner.system)
    outcome = planner.status_reports.store(report, plan, planner.system, date(2023, 9, 30))
    assert len(outcome.recorded) == 2


def test_sở_nội_vụ_imports_a_status_report_from_the_command_line(database_url: str) -> None:
    run_planner(database_url, "init")
    run_planner(database_url, "import", str(seed(BAC_KAN)))
    tried = run_planner(
        database_url, "import-status", str(REPORT), "--plan", PLAN, "--dry-run"
    ).stdout
    assert "Sẽ ghi 2 nhiệm vụ" in tried
    done = run_planner(database_url, "import-status", str(REPORT), "--plan", PLAN).stdout
    assert "Đã ghi 2 nhiệm vụ" in done and "III.9" in done
