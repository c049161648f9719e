"""Answers from views that rarely change, kept between requests until their view changes.

Every request needs the agency directory and the signed-in account; reading them each time
cost more than the rest of a request. The views that hold them count their changes
(`view_stamps`, moved by the same events that change the views, in whichever process records
them), so one small read tells whether a kept answer still holds.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from threading import Lock
from typing import Any, TypeVar

from sqlalchemy import Connection

from planner.projections.schema import stamps

T = TypeVar("T")
_READ_STAMP = f"SELECT stamp FROM {stamps.name} WHERE view = ?"
_READ_STAMPS = f"SELECT view, stamp FROM {stamps.name}"
# Within `one_reading`: the stamps of every view, read once, when first needed.
_reading: ContextVar[dict[str, int] | None] = ContextVar("stamps_read_once", default=None)


@contextmanager
def one_reading() -> Iterator[None]:
    """Kept answers checked within share one reading of the stamps: signing in checks the
    account and the agency directory with one read instead of one each."""
    token = _reading.set({})
    try:
        yield
    finally:
        _reading.reset(token)


class KeptAnswers:
    def __init__(self) -> None:
        self._answers: dict[tuple[str, Hashable], tuple[int, Any]] = {}
        self._lock = Lock()

    def get(
        self, connection: Connection, view: str, key: Hashable, read: Callable[[], T | None]
    ) -> T | None:
        """The answer kept for `key` while `view` is unchanged, else `read()` (kept if found).

        The stamp is read before the answer: a change landing in between leaves an answer
        newer than its stamp, which the next call reads again, never an older one kept.
        """
        stamp = _stamp(connection, view)
        kept = self._answers.get((view, key))
        if kept is not None and kept[0] == stamp:
            answer: T = kept[1]
            return answer
        found = read()
        if found is not None:  # names nobody holds are not kept: strangers could fill memory
            with self._lock:
                self._answers[(view, key)] = (stamp, found)
        return found


def _stamp(connection: Connection, view: str) -> int:
    # Plain SQL: read on every request, it skips building and caching a statement each time.
    reading = _reading.get()
    if reading is not None:
        if not reading:
            for name, stamp in connection.exec_driver_sql(_READ_STAMPS).tuples():
                reading[name] = int(stamp)
            reading.setdefault("", 0)  # read, even when no view has changed yet
        return reading.get(view, 0)
    statement = (
        _READ_STAMP.replace("?", "%s") if connection.dialect.name != "sqlite" else _READ_STAMP
    )
    found = connection.exec_driver_sql(statement, (view,)).scalar()
    return int(found or 0)
