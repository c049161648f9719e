"""When the database does not answer: 503 with a retry hint, and one log line per kind of failure.

A request that fails because the database is down, unreachable or too slow is refused with 503
and `Retry-After` (nothing was recorded, so nothing is lost); the log says once what went wrong
and once when the database answers again, instead of a traceback per request.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

import eventsourcing.persistence as library
import psycopg
import sqlalchemy.exc

UNAVAILABLE: tuple[type[Exception], ...] = (
    sqlalchemy.exc.OperationalError,
    sqlalchemy.exc.InterfaceError,
    sqlalchemy.exc.TimeoutError,  # no pooled connection came free in time
    psycopg.OperationalError,
    psycopg.InterfaceError,
    library.OperationalError,
    library.InterfaceError,
    sqlite3.OperationalError,  # the file stayed locked by another writer
)
RETRY_AFTER_SECONDS = 5
MESSAGE = (
    "cơ sở dữ liệu tạm thời không trả lời; chưa có gì được ghi nhận, "
    f"hãy thử lại sau {RETRY_AFTER_SECONDS} giây"
)


class OutageLog:
    """Logs the first failure of each kind, and the moment the database answers again."""

    def __init__(self, log: logging.Logger | None = None) -> None:
        self.log = log or logging.getLogger("planner.database")
        self._kinds: set[str] = set()
        self._since = 0.0
        self._lock = threading.Lock()

    def failed(self, error: BaseException) -> None:
        kind = kind_of(error)
        with self._lock:
            new = kind not in self._kinds
            if not self._kinds:
                self._since = time.monotonic()
            self._kinds.add(kind)
        if new:
            reason = (str(error).strip().splitlines() or [""])[0][:200]
            self.log.error("cơ sở dữ liệu không trả lời (%s): %s", kind, reason)

    def answered(self) -> None:
        """A request that needed the database succeeded: the outage, if any, is over."""
        if not self._kinds:
            return
        with self._lock:
            if not self._kinds:
                return
            kinds, self._kinds = sorted(self._kinds), set()
            lasted = time.monotonic() - self._since
        self.log.warning(
            "cơ sở dữ liệu đã trả lời lại sau %.1f giây (lỗi đã gặp: %s)", lasted, ", ".join(kinds)
        )

    @property
    def ongoing(self) -> bool:
        return bool(self._kinds)


def kind_of(error: BaseException) -> str:
    """The driver's own error class when a wrapper carries it (QueryCanceled, say)."""
    original = getattr(error, "orig", None) or error.__cause__ or error
    return type(original).__name__
