"""Backup and restore: the event store as JSON lines, one stored event per line.

Restoring into an empty store and catching the views up reproduces identical views, because
the views are built only from these events.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from planner.application.errors import AlreadyExists
from planner.domain.errors import InvalidValue
from planner.storage.event_store import EventStore

PAGE = 2000

Progress = Callable[[int, int], None]


def export_events(store: EventStore, path: Path, progress: Progress | None = None) -> int:
    """Write every stored event in notification order; returns how many were written."""
    total = store.position
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for notification in _notifications(store):
            record = {
                "id": notification.id,
                "originator_id": str(notification.originator_id),
                "originator_version": notification.originator_version,
                "topic": notification.topic,
                "state": json.loads(notification.state.decode("utf-8")),
            }
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            written += 1
            if progress is not None and written % PAGE == 0:
                progress(written, total)
    if progress is not None:
        progress(written, total)
    return written


def import_events(store: EventStore, path: Path, progress: Progress | None = None) -> int:
    """Append the file's events to an empty store, in the file's order.

    The whole file is checked before anything is written, so a broken line leaves the
    store as empty as it was.
    """
    if store.position:
        raise AlreadyExists(
            f"kho sự kiện đã có {store.position} sự kiện; chỉ nhập được vào một kho trống: đặt "
            "PLANNER_DATABASE_URL tới một cơ sở dữ liệu mới (vd. sqlite:///var/khoi-phuc.db) rồi "
            "chạy lại lệnh này, không chạy planner init trước (init đã ghi danh mục cơ quan)"
        )
    total = sum(1 for _ in _stored_events(path))
    imported = 0
    batch: list[StoredEvent] = []
    for stored in _stored_events(path):
        batch.append(stored)
        if len(batch) == PAGE:
            imported += _insert(store, batch)
            batch = []
            if progress is not None:
                progress(imported, total)
    imported += _insert(store, batch)
    if progress is not None:
        progress(imported, total)
    return imported


def _insert(store: EventStore, batch: list[StoredEvent]) -> int:
    if batch:
        store.recorder.insert_events(batch)
    return len(batch)


def _stored_events(path: Path) -> Iterator[StoredEvent]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield _stored_event(line, path, number)


def _notifications(store: EventStore) -> Iterator[Any]:
    position = 0
    while True:
        page = store.recorder.select_notifications(
            start=position, limit=PAGE, inclusive_of_start=False
        )
        yield from page
        if len(page) < PAGE:
            return
        position = page[-1].id


def _stored_event(line: str, path: Path, number: int) -> StoredEvent:
    try:
        record = json.loads(line)
        return StoredEvent(
            originator_id=UUID(record["originator_id"]),
            originator_version=int(record["originator_version"]),
            topic=str(record["topic"]),
            state=json.dumps(record["state"], ensure_ascii=False, separators=(",", ":")).encode(),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidValue(
            f"{path.name}, dòng {number}: không phải sự kiện hợp lệ ({error})"
        ) from None
