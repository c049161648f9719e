"""`planner restore` refuses a damaged backup before writing anything, naming the first bad
line or member in Vietnamese: the store stays empty and the files folder untouched."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from planner.application.clock import FixedClock
from planner.bootstrap.store import open_planner
from planner.settings import Settings
from planner.storage.evidence_files import EvidenceFiles
from tests.builders import bac_kan_plan
from tests.command_line import run_planner
from tests.conftest import vietnam_time
from tests.store.archives import members, pack
from tests.store.small_store import SmallStore, small_store

EVENTS = "events.jsonl"


@dataclass(frozen=True)
class Backup:
    archive: Path
    store: SmallStore

    def contents(self) -> dict[str, bytes]:
        return members(self.archive)

    def event_lines(self) -> list[str]:
        return self.contents()[EVENTS].decode().splitlines(keepends=True)

    def line_of(self, version: int) -> int:
        """The line (from 1) holding the task's event of that version."""
        for number, line in enumerate(self.event_lines(), start=1):
            record = json.loads(line)
            if record["originator_id"] == str(self.store.task) and (
                record["originator_version"] == version
            ):
                return number
        raise AssertionError(f"no version {version} of the task")

    def file_member(self, reference: str) -> str:
        return f"files/{reference[:2]}/{reference}"


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> Backup:
    """One small store backed up once; each test damages its own copy of the archive."""
    folder = tmp_path_factory.mktemp("source")
    url = f"sqlite:///{folder / 'source.db'}"
    with open_planner(Settings(database_url=url), FixedClock(vietnam_time(date(2023, 7, 3)))) as p:
        p.agencies.register_defaults(p.system)
        store = small_store(p, folder / "files")
    archive = folder / "sao-luu.tar.gz"
    run_planner(url, "backup", str(archive), env={"PLANNER_FILES_DIR": str(folder / "files")})
    return Backup(archive, store)


def refused(database_url: str, archive: Path, files_dir: Path) -> str:
    """Restore `archive`, which must fail; checks nothing was written, returns the message."""
    ran = run_planner(
        database_url, "restore", str(archive), env={"PLANNER_FILES_DIR": str(files_dir)}, ok=False
    )
    assert ran.returncode == 1
    with open_planner(Settings(database_url=database_url)) as target:
        assert target.store.position == 0
    assert not files_dir.exists()
    return ran.stderr


def test_a_deleted_line_is_refused_naming_where_the_task_misses_a_version(
    backup: Backup, database_url: str, tmp_path: Path
) -> None:
    contents = backup.contents()
    lines = backup.event_lines()
    started = backup.line_of(2)
    reported = backup.line_of(3)
    del lines[started - 1]
    damaged = pack(tmp_path / "xoa-dong.tar.gz", {**contents, EVENTS: "".join(lines).encode()})

    message = refused(database_url, damaged, tmp_path / "files")

    assert (
        f"Lỗi: events.jsonl, dòng {reported - 1}: nhiệm vụ {backup.store.task} thiếu phiên bản 2 "
        "(dòng này là phiên bản 3); chưa ghi gì"
    ) in message


def test_a_line_given_another_version_is_refused_naming_it(
    backup: Backup, database_url: str, tmp_path: Path
) -> None:
    contents = backup.contents()
    lines = backup.event_lines()
    reported = backup.line_of(3)
    lines[reported - 1] = lines[reported - 1].replace(
        '"originator_version":3', '"originator_version":2'
    )
    damaged = pack(tmp_path / "sua-phien-ban.tar.gz", {**contents, EVENTS: "".join(lines).encode()})

    message = refused(database_url, damaged, tmp_path / "files")

    assert (
        f"events.jsonl, dòng {reported}: nhiệm vụ {backup.store.task} có phiên bản 2 lần nữa "
        "(đã có tới phiên bản 2)"
    ) in message


def test_a_line_whose_words_were_changed_is_refused_by_the_checksum(
    backup: Backup, database_url: str, tmp_path: Path
) -> None:
    contents = backup.contents()
    altered = contents[EVENTS].replace("Đã tổng hợp số liệu".encode(), "Đã xong".encode())
    assert altered != contents[EVENTS]
    damaged = pack(tmp_path / "sua-noi-dung.tar.gz", {**contents, EVENTS: altered})

    message = refused(database_url, damaged, tmp_path / "files")

    assert "Lỗi: events.jsonl: dài" in message and "bảng kê ghi" in message
    assert "(tệp đã bị sửa hoặc hỏng); chưa ghi gì" in message


def test_a_line_changed_to_the_same_length_is_refused_by_its_sha256(
    backup: Backup, database_url: str, tmp_path: Path
) -> None:
    contents = backup.contents()
    altered = contents[EVENTS].replace(b'"percent":60', b'"percent":90')
    assert altered != contents[EVENTS]
    damaged = pack(tmp_path / "sua-phan-tram.tar.gz", {**contents, EVENTS: altered})

    message = refused(database_url, damaged, tmp_path / "files")

    assert "Lỗi: events.jsonl: SHA-256 khác bảng kê (tệp đã bị sửa hoặc hỏng)" in message


def test_a_missing_evidence_file_is_refused_naming_it(
    backup: Backup, database_url: str, tmp_path: Path
) -> None:
    contents = backup.contents()
    member = backup.file_member(backup.store.report)
    del contents[member]
    damaged = pack(tmp_path / "thieu-tep.tar.gz", contents)

    message = refused(database_url, damaged, tmp_path / "files")

    assert f"Lỗi: {member}: bảng kê có nhưng bản sao lưu không có (thiếu tệp)" in message


def test_an_evidence_file_whose_bytes_changed_is_refused_naming_it(
    backup: Backup, database_url: str, tmp_path: Path
) -> None:
    contents = backup.contents()
    member = backup.file_member(backup.store.photo)
    contents[member] = contents[member][:-1] + b"\x00"
    damaged = pack(tmp_path / "tep-hong.tar.gz", contents)

    message = refused(database_url, damaged, tmp_path / "files")

    assert (
        f"Lỗi: {member}: tệp kiểm chứng hỏng, nội dung không khớp mã SHA-256 trong tên" in message
    )


def test_a_tampered_manifest_is_refused(backup: Backup, database_url: str, tmp_path: Path) -> None:
    contents = backup.contents()
    manifest = json.loads(contents["manifest.json"])
    manifest["events"]["count"] -= 1
    contents["manifest.json"] = json.dumps(manifest, indent=2).encode()
    damaged = pack(tmp_path / "sua-bang-ke.tar.gz", contents)

    message = refused(database_url, damaged, tmp_path / "files")

    assert (
        "Lỗi: manifest.json: bảng kê đã bị sửa hoặc hỏng (SHA-256 khác manifest.json.sha256)"
        in message
    )


def test_a_manifest_rewritten_with_its_checksum_must_still_match_the_events(
    backup: Backup, database_url: str, tmp_path: Path
) -> None:
    contents = backup.contents()
    manifest = json.loads(contents["manifest.json"])
    count = manifest["events"]["count"]
    manifest["events"]["count"] = count - 1
    rewritten = json.dumps(manifest, indent=2).encode()
    checksum = hashlib.sha256(rewritten).hexdigest()
    contents["manifest.json"] = rewritten
    contents["manifest.json.sha256"] = f"{checksum}  manifest.json\n".encode()
    damaged = pack(tmp_path / "bang-ke-moi.tar.gz", contents)

    message = refused(database_url, damaged, tmp_path / "files")

    assert f"Lỗi: events.jsonl: có {count} sự kiện, bảng kê ghi {count - 1}" in message


def test_a_cut_off_archive_is_refused(backup: Backup, database_url: str, tmp_path: Path) -> None:
    data = backup.archive.read_bytes()
    cut = tmp_path / "cat-cut.tar.gz"
    cut.write_bytes(data[: len(data) // 2])

    message = refused(database_url, cut, tmp_path / "files")

    assert "Lỗi: cat-cut.tar.gz: không đọc được tệp nén (hỏng, bị cắt cụt" in message


def test_check_only_reads_the_archive_and_writes_nothing(
    backup: Backup, database_url: str, tmp_path: Path
) -> None:
    files_dir = tmp_path / "files"
    ran = run_planner(
        database_url,
        "restore",
        "--check",
        str(backup.archive),
        env={"PLANNER_FILES_DIR": str(files_dir)},
    )
    assert "2 tệp kiểm chứng): kiểm tra xong, không có lỗi." in ran.stdout
    with open_planner(Settings(database_url=database_url)) as target:
        assert target.store.position == 0
    assert not files_dir.exists()


def test_a_store_that_is_not_empty_is_refused_and_keeps_its_events(
    backup: Backup, database_url: str, tmp_path: Path
) -> None:
    with open_planner(Settings(database_url=database_url)) as target:
        bac_kan_plan(target)
        before = target.store.position
    files_dir = tmp_path / "files"

    ran = run_planner(
        database_url,
        "restore",
        str(backup.archive),
        env={"PLANNER_FILES_DIR": str(files_dir)},
        ok=False,
    )

    assert "chỉ nhập được vào một kho trống" in ran.stderr
    with open_planner(Settings(database_url=database_url)) as target:
        assert target.store.position == before
    assert not files_dir.exists()


def test_a_files_folder_holding_other_bytes_under_a_files_name_is_refused(
    backup: Backup, database_url: str, tmp_path: Path
) -> None:
    files_dir = tmp_path / "files"
    other = EvidenceFiles(files_dir, 1024).path(backup.store.report)
    other.parent.mkdir(parents=True)
    other.write_bytes(b"not the report")

    ran = run_planner(
        database_url,
        "restore",
        str(backup.archive),
        env={"PLANNER_FILES_DIR": str(files_dir)},
        ok=False,
    )

    assert f"đã có tệp {backup.store.report} với nội dung khác" in ran.stderr
    with open_planner(Settings(database_url=database_url)) as target:
        assert target.store.position == 0
    assert [p.name for p in files_dir.rglob("*") if p.is_file()] == [backup.store.report]
