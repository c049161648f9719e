"""Answers from views that rarely change, kept between requests until their view changes.

Every request needs the agency directory and the signed-in account; reading them each time
cost more than the rest of a request. The views that hold them count their changes
(`view_stamps`, moved by the same events that change the views, in whichever process records
them), so one small read tells whether a kept answer still holds.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from threading import Lock
from typing import Any, TypeVar

from sqlalchemy import Connection

from planner.projections.schema import stamps

T = TypeVar("T")
_READ_STAMP = f"SELECT stamp FROM {stamps.name} WHERE view = ?"


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
    statement = (
        _READ_STAMP.replace("?", "%s") if connection.dialect.name != "sqlite" else _READ_STAMP
    )
    found = connection.exec_driver_sql(statement, (view,)).scalar()
    return int(found or 0)
