"""`planner restore`: an archive checked completely, then its files and events written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from planner.backup.archive_check import CHUNK, check_backup, event_lines, reading
from planner.backup.event_lines import Progress, insert_events, require_empty
from planner.backup.manifest import EVENTS, Manifest, file_reference
from planner.storage.event_store import EventStore
from planner.storage.evidence_files import EvidenceFiles


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    events: int
    files: int  # written now; files already in the folder with the same content are kept


def restore_backup(
    store: EventStore, files: EvidenceFiles, path: Path, progress: Progress | None = None
) -> Restored:
    """Check the archive, then write its evidence files and append its events to the store.

    The store must be empty. Files come before the events in the archive, so a folder that
    cannot be written to stops the restore with the store still empty. The views are not
    caught up here: the caller does that.
    """
    require_empty(store)
    manifest = check_backup(path, files)
    require_empty(store)  # nobody wrote to it while the archive was being checked
    events = written = 0
    with reading(path) as archive:
        for entry in archive:
            content = archive.extractfile(entry)
            if content is None:
                continue
            if entry.name == EVENTS:
                stored = (line.stored for line in event_lines(content))
                events = insert_events(store, stored, manifest.event_count, progress)
            elif (reference := file_reference(entry.name)) and not files.exists(reference):
                kept = files.store(_chunks(content), reference)
                assert kept == reference  # checked: the content hashes to its name
                written += 1
    return Restored(manifest, events, written)


def _chunks(content: IO[bytes]) -> Iterator[bytes]:
    yield from iter(lambda: content.read(CHUNK), b"")
