"""`planner backup`: one .tar.gz with the events, the evidence files and their manifest.

The events are written first and the files after: a file is uploaded before any event names
it, so every file the written events name is already in the folder when it is read.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import BinaryIO

from planner.application.errors import AlreadyExists
from planner.backup.event_lines import Progress, write_events
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
)
from planner.storage.event_store import EventStore
from planner.storage.evidence_files import EvidenceFiles

CHUNK = 1024 * 1024
# Evidence is mostly PDF and office files, compressed already: a middling level saves time.
COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class Written:
    manifest: Manifest
    # Files the events name that the folder lacks, or holds with other content than their name
    # says: left out, listed in the manifest, so a restore knows they were missing already.
    missing_files: tuple[str, ...]
    # Files in the folder whose content no longer has the SHA-256 their name carries.
    damaged_files: tuple[str, ...]


def write_backup(
    store: EventStore,
    files: EvidenceFiles,
    path: Path,
    now: datetime,
    database: str,
    progress: Progress | None = None,
) -> Written:
    """Write the archive at `path` (never over an existing file); a failure leaves nothing."""
    if path.exists():
        raise AlreadyExists(f"đã có tệp {path}; chọn tên khác cho bản sao lưu")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".planner-backup-", dir=path.parent) as work:
        events = Path(work) / EVENTS
        with events.open("w", encoding="utf-8") as out:
            exported = write_events(store, out, progress)
        events_member, named = _read_back(events)
        # Files before the events: a restore writes them first, while the store is still empty.
        members: dict[str, Member] = {}
        damaged: list[str] = []
        for reference in files.stored():
            found = _digest(files.path(reference).open("rb"))
            if content_matches(reference, found):
                members[file_member(reference)] = found
            else:
                damaged.append(reference)
        members[EVENTS] = events_member
        missing = tuple(sorted(r for r in named if file_member(r) not in members))
        manifest = Manifest(
            planner_version=version("planner"),
            created_at=now,
            event_count=exported.count,
            last_notification_id=exported.last_id,
            members=members,
            missing_files=missing,
            database=database,
        )
        partial = Path(work) / "backup.tar.gz"
        _write_archive(partial, manifest, events, files)
        os.replace(partial, path)
    return Written(manifest, missing, tuple(damaged))


def _read_back(events: Path) -> tuple[Member, set[str]]:
    """The events file's checksum, and the evidence files its events name."""
    digest = Digest()
    named: set[str] = set()
    with events.open("rb") as lines:
        for line in lines:
            digest.update(line)
            named.update(file_references(json.loads(line)["state"]))
    return digest.member(), named


def _digest(handle: BinaryIO) -> Member:
    digest = Digest()
    with handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.member()


def _write_archive(path: Path, manifest: Manifest, events: Path, files: EvidenceFiles) -> None:
    stamp = manifest.created_at.timestamp()
    described = manifest.to_bytes()
    with tarfile.open(path, "w:gz", compresslevel=COMPRESS_LEVEL) as archive:
        checksum = checksum_line(described)
        archive.addfile(_entry(MANIFEST, len(described), stamp), io.BytesIO(described))
        archive.addfile(_entry(MANIFEST_CHECKSUM, len(checksum), stamp), io.BytesIO(checksum))
        for name, member in manifest.members.items():
            source = events if name == EVENTS else files.path(name.rsplit("/", 1)[1])
            with source.open("rb") as content:
                archive.addfile(_entry(name, member.size, stamp), content)


def _entry(name: str, size: int, stamp: float) -> tarfile.TarInfo:
    """A plain file entry owned by nobody in particular, so the archive depends on content."""
    entry = tarfile.TarInfo(name)
    entry.size = size
    entry.mtime = int(stamp)
    entry.mode = 0o644
    return entry
