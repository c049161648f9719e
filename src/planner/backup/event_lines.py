"""The event store as JSON lines, one stored event per line, in notification order.

Restoring into an empty store and catching the views up reproduces identical views, because
the views are built only from these events. Lines are checked completely before anything is
written: each parses, names a type this release reads, and continues its aggregate's versions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TextIO
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from planner.application.errors import AlreadyExists
from planner.backup.damaged import DamagedBackup
from planner.backup.event_sequences import EventSequences
from planner.storage.event_store import EventStore

PAGE = 2000

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Exported:
    count: int
    last_id: int  # the notification id of the last event written; 0 when there was none


class EventLine(NamedTuple):
    number: int  # counted from 1, blank lines included, as an editor shows them
    stored: StoredEvent
    state: dict[str, Any]
    notification_id: int | None


def export_events(store: EventStore, path: Path, progress: Progress | None = None) -> int:
    """Write every stored event in notification order; returns how many were written."""
    with path.open("w", encoding="utf-8") as out:
        return write_events(store, out, progress).count


def write_events(store: EventStore, out: TextIO, progress: Progress | None = None) -> Exported:
    """Write every stored event to `out`, up to the last one recorded while writing."""
    total = store.position
    written = last_id = 0
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
        last_id = notification.id
        if progress is not None and written % PAGE == 0:
            progress(written, max(total, written))
    if progress is not None:
        progress(written, max(total, written))
    return Exported(written, last_id)


def import_events(store: EventStore, path: Path, progress: Progress | None = None) -> int:
    """Append the file's events to an empty store, in the file's order.

    The whole file is checked before anything is written, so a broken line or a gap in an
    aggregate's versions leaves the store as empty as it was.
    """
    require_empty(store)
    with path.open(encoding="utf-8") as lines:
        total = sum(1 for _ in checked_events(lines, path.name))
    with path.open(encoding="utf-8") as lines:
        return insert_events(
            store, (line.stored for line in checked_events(lines, path.name)), total, progress
        )


def require_empty(store: EventStore) -> None:
    if store.position:
        raise AlreadyExists(
            f"kho sự kiện đã có {store.position} sự kiện; chỉ nhập được vào một kho trống: đặt "
            "PLANNER_DATABASE_URL tới một cơ sở dữ liệu mới (vd. sqlite:///var/khoi-phuc.db) rồi "
            "chạy lại lệnh này, không chạy planner init trước (init đã ghi danh mục cơ quan)"
        )


def checked_events(lines: Iterable[str], source: str) -> Iterator[EventLine]:
    """Each line's event; DamagedBackup names the first line that is not a valid next event."""
    sequences = EventSequences()
    last_id = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        event = _event_line(line, source, number)
        problem = sequences.problem(event.stored, event.state)
        if problem is None and event.notification_id is not None:
            if event.notification_id <= last_id:
                problem = (
                    f"sự kiện số {event.notification_id} nằm sau sự kiện số {last_id} (sai thứ tự)"
                )
            last_id = event.notification_id
        if problem:
            raise DamagedBackup(f"{source}, dòng {number}: {problem}; chưa ghi gì")
        yield event


def insert_events(
    store: EventStore, events: Iterable[StoredEvent], total: int, progress: Progress | None
) -> int:
    """Append the events in batches; returns how many were appended."""
    inserted = 0
    batch: list[StoredEvent] = []
    for stored in events:
        batch.append(stored)
        if len(batch) == PAGE:
            inserted += _insert(store, batch)
            batch = []
            if progress is not None:
                progress(inserted, total)
    inserted += _insert(store, batch)
    if progress is not None:
        progress(inserted, total)
    return inserted


def _insert(store: EventStore, batch: list[StoredEvent]) -> int:
    if batch:
        store.recorder.insert_events(batch)
    return len(batch)


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


def _event_line(line: str, source: str, number: int) -> EventLine:
    try:
        return _parsed(line, number)
    except ValueError as error:
        raise DamagedBackup(
            f"{source}, dòng {number}: không phải sự kiện hợp lệ ({error}); chưa ghi gì"
        ) from None


def _parsed(line: str, number: int) -> EventLine:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"JSON hỏng ở cột {error.colno}") from None
    if not isinstance(record, dict):
        raise ValueError("không phải một đối tượng JSON")
    missing = [
        k for k in ("originator_id", "originator_version", "topic", "state") if k not in record
    ]
    if missing:
        raise ValueError(f"thiếu {', '.join(missing)}")
    state, version, notification_id = (
        record["state"],
        record["originator_version"],
        record.get("id"),
    )
    if not isinstance(state, dict):
        raise ValueError("'state' phải là một đối tượng JSON")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError(f"phiên bản '{version}' không phải số nguyên")
    if notification_id is not None and not isinstance(notification_id, int):
        raise ValueError(f"số sự kiện '{notification_id}' không phải số nguyên")
    try:
        originator_id = UUID(str(record["originator_id"]))
    except ValueError:
        raise ValueError(f"mã '{record['originator_id']}' không phải UUID") from None
    stored = StoredEvent(
        originator_id=originator_id,
        originator_version=version,
        topic=str(record["topic"]),
        state=json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode(),
    )
    return EventLine(number, stored, state, notification_id)
