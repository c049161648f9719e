"""The restore drill (README, "Sao lưu và phục hồi"): a store with plans, tasks, reports and
evidence files is backed up with `planner backup`, restored with `planner restore` into a fresh
SQLite store and a fresh PostgreSQL schema, and comes back the same: every view, the dashboard's
progress and overdue lists, each task's history, and every file byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.bootstrap.store import open_planner
from planner.demo.loader import AS_OF, load_demo
from planner.domain.evidence import Evidence
from planner.settings import Settings
from planner.storage.evidence_files import EvidenceFiles
from tests.builders import staff
from tests.command_line import run_planner
from tests.store.archives import files_under, members
from tests.store.view_snapshot import snapshot

REPORT = b"%PDF-1.4\nKet qua kiem soat TTHC quy III/2023\n%%EOF\n"


def test_a_backup_restores_into_sqlite_and_postgresql_with_the_same_views_and_files(
    planner: Planner, clock: FixedClock, database_url: str, postgres_url: str, tmp_path: Path
) -> None:
    load_demo(planner, clock)
    files_dir = tmp_path / "files"
    report = EvidenceFiles(files_dir, 1024 * 1024).store([REPORT], "ket-qua-quy-3.pdf")
    task = next(t.task_id for t in planner.views.tasks() if t.reference == "PL2 III.1")
    planner.tasks.report_progress(
        task,
        None,
        staff(planner, "VPUBND"),
        percent=80,
        note="Đã rà soát 12 dự thảo",
        evidence=(Evidence.of("Báo cáo kiểm soát TTHC", file=report),),
    )
    archive = tmp_path / "sao-luu.tar.gz"

    backed_up = run_planner(
        database_url, "backup", str(archive), env={"PLANNER_FILES_DIR": str(files_dir)}
    ).stdout

    position = planner.store.position
    assert f"Đã sao lưu {position} sự kiện (tới sự kiện số {position}) và 1 tệp kiểm chứng" in (
        backed_up
    )
    manifest = json.loads(members(archive)["manifest.json"])
    assert manifest["events"] == {"count": position, "last_notification_id": position}
    for target_url, kind in (
        (f"sqlite:///{tmp_path / 'phuc-hoi.db'}", "sqlite"),
        (postgres_url, "pg"),
    ):
        restored_files = tmp_path / f"files-{kind}"
        restored = run_planner(
            target_url, "restore", str(archive), env={"PLANNER_FILES_DIR": str(restored_files)}
        ).stdout
        assert f"đã phục hồi {position} sự kiện và 1 tệp kiểm chứng" in restored
        assert files_under(restored_files) == files_under(files_dir)
        with open_planner(Settings(database_url=target_url), clock) as copy:
            assert snapshot(copy.projector.reader) == snapshot(planner.projector.reader)
            assert copy.views.progress(AS_OF) == planner.views.progress(AS_OF)
            assert copy.views.overdue(AS_OF) == planner.views.overdue(AS_OF)
            for each in planner.views.tasks():
                assert copy.views.history(each.task_id) == planner.views.history(each.task_id)
            # The restored store takes the next change to a task as the original would.
            copy.tasks.complete(task, None, staff(copy, "VPUBND"), note="Hoàn thành")
            assert copy.views.task(task).occurrences[0].status == "completed"


def test_files_already_lost_or_damaged_when_backed_up_are_reported_and_do_not_block_a_restore(
    planner: Planner, clock: FixedClock, database_url: str, tmp_path: Path
) -> None:
    files_dir = tmp_path / "files"
    evidence = EvidenceFiles(files_dir, 1024)
    lost = evidence.store([b"bien ban"], "bien-ban.pdf")
    evidence.path(lost).unlink()
    rotten = evidence.store([b"anh chup"], "anh.jpg")
    evidence.path(rotten).write_bytes(b"anh chu\x00")
    load_demo(planner, clock)
    task = next(t.task_id for t in planner.views.tasks() if t.reference == "PL2 III.1")
    planner.tasks.report_progress(
        task, None, staff(planner, "VPUBND"), evidence=(Evidence.of("Biên bản", file=lost),)
    )
    archive = tmp_path / "sao-luu.tar.gz"

    backed_up = run_planner(
        database_url, "backup", str(archive), env={"PLANNER_FILES_DIR": str(files_dir)}
    )

    assert "Cảnh báo: 1 tệp kiểm chứng mà sự kiện nhắc tới không có (hoặc hỏng) trong" in (
        backed_up.stderr
    )
    assert lost in backed_up.stderr
    assert (
        f"Cảnh báo: 1 tệp trong {files_dir} đã hỏng (nội dung không khớp mã SHA-256 trong tên), "
        f"không đưa vào bản sao lưu: {rotten}."
    ) in backed_up.stderr
    contents = members(archive)
    assert json.loads(contents["manifest.json"])["missing_files"] == [lost]
    assert list(contents) == ["manifest.json", "manifest.json.sha256", "events.jsonl"]
    target = f"sqlite:///{tmp_path / 'phuc-hoi.db'}"
    run_planner(target, "restore", str(archive), env={"PLANNER_FILES_DIR": str(tmp_path / "r")})
    with open_planner(Settings(database_url=target), clock) as copy:
        assert copy.store.position == planner.store.position
