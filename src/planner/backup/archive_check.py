"""Everything `planner restore` checks before it writes anything, in the archive's order.

The manifest must match its checksum; every event line must parse and continue its
aggregate's versions; every member must match the manifest's size and SHA-256, and every
evidence file the SHA-256 its name carries; every file an event names must be in the archive
(or have been missing already when the backup was made). The first problem is raised as
DamagedBackup naming the line or member.
"""

from __future__ import annotations

import tarfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from planner.backup.damaged import DamagedBackup
from planner.backup.event_lines import EventLine, checked_events
from planner.backup.evidence_references import file_references
from planner.backup.manifest import (
    EVENTS,
    MANIFEST,
    MANIFEST_CHECKSUM,
    Digest,
    Manifest,
    Member,
    checksum_line,
    content_matches,
    file_member,
    file_reference,
)
from planner.storage.evidence_files import EvidenceFiles

CHUNK = 1024 * 1024
# The manifest lists every file; even a million of them stays well under this.
MANIFEST_LIMIT = 512 * 1024 * 1024
NOTHING_WRITTEN = "chưa ghi gì"


@dataclass
class _Seen:
    members: dict[str, Member] = field(default_factory=dict)
    manifest_bytes: bytes | None = None
    checksum_bytes: bytes | None = None
    manifest: Manifest | None = None
    event_count: int = 0
    last_notification_id: int = 0
    # Each evidence file the events name, with the first line naming it.
    named_files: dict[str, int] = field(default_factory=dict)


def check_backup(path: Path, files: EvidenceFiles | None) -> Manifest:
    """The archive's manifest, once all of it has been checked against it and, when given,
    against the files folder it is to be restored into."""
    seen = _Seen()
    with reading(path) as archive:
        for entry in archive:
            _check_entry(archive, entry, seen)
    manifest = _verified_manifest(seen)
    for name in manifest.members:
        if name not in seen.members:
            raise _damaged(f"{name}: bảng kê có nhưng bản sao lưu không có (thiếu tệp)")
    _check_counts(manifest, seen)
    _check_named_files(manifest, seen)
    if files is not None:
        _check_files_folder(manifest, files)
    return manifest


@contextmanager
def reading(path: Path) -> Iterator[tarfile.TarFile]:
    """The archive (.tar, compressed or not) open for reading in order; a damaged or cut-off
    archive is DamagedBackup."""
    try:
        with tarfile.open(path, "r:*") as archive:
            yield archive
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        if isinstance(error, FileNotFoundError):
            raise DamagedBackup(f"không có tệp {path}") from None
        raise _damaged(
            f"{path.name}: không đọc được tệp nén (hỏng, bị cắt cụt hoặc không phải bản sao lưu "
            f"của planner backup: {error})"
        ) from None


def event_lines(content: IO[bytes], digest: Digest | None = None) -> Iterator[EventLine]:
    """The checked events of `events.jsonl` as the archive holds it, hashing what is read."""

    def decoded() -> Iterator[str]:
        for raw in content:
            if digest is not None:
                digest.update(raw)
            yield raw.decode("utf-8", errors="replace")

    return checked_events(decoded(), EVENTS)


def _check_entry(archive: tarfile.TarFile, entry: tarfile.TarInfo, seen: _Seen) -> None:
    name = entry.name
    if entry.isdir():
        return  # an archive packed again by hand lists its folders; they hold nothing
    if not entry.isfile():
        raise _damaged(f"{name}: không phải tệp thường")
    if name in seen.members or (name in (MANIFEST, MANIFEST_CHECKSUM) and _already(name, seen)):
        raise _damaged(f"{name}: có hai lần trong bản sao lưu")
    content = archive.extractfile(entry)
    assert content is not None  # a regular file always has content
    if name in (MANIFEST, MANIFEST_CHECKSUM):
        data = content.read(MANIFEST_LIMIT)
        if name == MANIFEST:
            seen.manifest_bytes = data
        else:
            seen.checksum_bytes = data
        if seen.manifest_bytes is not None and seen.checksum_bytes is not None:
            seen.manifest = _verified_manifest(seen)
        return
    if name == EVENTS:
        found = _check_events(content, seen)
    elif (reference := file_reference(name)) is not None:
        found = _hashed(content)
        if not content_matches(reference, found):
            raise _damaged(f"{name}: tệp kiểm chứng hỏng, nội dung không khớp mã SHA-256 trong tên")
    else:
        raise _damaged(f"{name}: thành phần lạ, không phải của bản sao lưu planner")
    if seen.manifest is not None:
        _compare(name, found, seen.manifest)
    seen.members[name] = found


def _already(name: str, seen: _Seen) -> bool:
    return (seen.manifest_bytes if name == MANIFEST else seen.checksum_bytes) is not None


def _check_events(content: IO[bytes], seen: _Seen) -> Member:
    digest = Digest()
    for line in event_lines(content, digest):
        seen.event_count += 1
        seen.last_notification_id = line.notification_id or seen.last_notification_id
        for reference in file_references(line.state):
            seen.named_files.setdefault(reference, line.number)
    return digest.member()


def _hashed(content: IO[bytes]) -> Member:
    digest = Digest()
    for chunk in iter(lambda: content.read(CHUNK), b""):
        digest.update(chunk)
    return digest.member()


def _verified_manifest(seen: _Seen) -> Manifest:
    if seen.manifest is not None:
        return seen.manifest
    if seen.manifest_bytes is None:
        raise _damaged(f"thiếu {MANIFEST}: không phải bản sao lưu của planner backup")
    if seen.checksum_bytes is None:
        raise _damaged(f"thiếu {MANIFEST_CHECKSUM}, không kiểm được bảng kê")
    if checksum_line(seen.manifest_bytes) != seen.checksum_bytes:
        raise _damaged(
            f"{MANIFEST}: bảng kê đã bị sửa hoặc hỏng (SHA-256 khác {MANIFEST_CHECKSUM})"
        )
    return Manifest.from_bytes(seen.manifest_bytes)


def _compare(name: str, found: Member, manifest: Manifest) -> None:
    expected = manifest.members.get(name)
    if expected is None:
        raise _damaged(f"{name}: không có trong bảng kê")
    if found.size != expected.size:
        raise _damaged(
            f"{name}: dài {found.size} byte, bảng kê ghi {expected.size} byte (tệp đã bị sửa "
            "hoặc hỏng)"
        )
    if found.sha256 != expected.sha256:
        raise _damaged(f"{name}: SHA-256 khác bảng kê (tệp đã bị sửa hoặc hỏng)")


def _check_counts(manifest: Manifest, seen: _Seen) -> None:
    for name, found in seen.members.items():
        _compare(name, found, manifest)
    if seen.event_count != manifest.event_count:
        raise _damaged(
            f"{EVENTS}: có {seen.event_count} sự kiện, bảng kê ghi {manifest.event_count}"
        )
    if seen.last_notification_id != manifest.last_notification_id:
        raise _damaged(
            f"{EVENTS}: sự kiện cuối là số {seen.last_notification_id}, bảng kê ghi số "
            f"{manifest.last_notification_id}"
        )


def _check_named_files(manifest: Manifest, seen: _Seen) -> None:
    known_missing = set(manifest.missing_files)
    for reference, number in seen.named_files.items():
        if file_member(reference) not in seen.members and reference not in known_missing:
            raise _damaged(
                f"{EVENTS}, dòng {number}: tệp kiểm chứng {reference} không có trong bản sao lưu"
            )


def _check_files_folder(manifest: Manifest, files: EvidenceFiles) -> None:
    """A file already in PLANNER_FILES_DIR is kept only if it is the archive's, byte for byte."""
    for name, member in manifest.members.items():
        reference = file_reference(name)
        if reference is None or not files.exists(reference):
            continue
        with files.path(reference).open("rb") as content:
            if _hashed(content) != member:
                raise _damaged(
                    f"thư mục tệp {files.root} đã có tệp {reference} với nội dung khác; dùng một "
                    "thư mục trống (PLANNER_FILES_DIR)"
                )


def _damaged(problem: str) -> DamagedBackup:
    return DamagedBackup(f"{problem}; {NOTHING_WRITTEN}")
