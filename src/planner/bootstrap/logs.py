"""Where the server's log lines go and how they read: text for a person at a terminal, or one
JSON object per line for a log collector (PLANNER_LOG_FORMAT=json).

Every line carries the request id of the request being served (`api.request_log`), so the
access line and any error it caused are found together.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from api.request_log import REQUEST_ID

_OURS = ("planner", "api", "notifications", "uvicorn")


class LogFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def configure_logging(form: LogFormat, level: str, access: bool = True) -> None:
    """One handler on stderr for planner's and uvicorn's loggers, in the chosen form; the
    access lines (`planner.access`, at info) whatever the level, unless `access` is off."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_with_request_id)
    handler.setFormatter(_JsonLines() if form is LogFormat.JSON else _Text())
    for name in _OURS:
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.propagate = False
        logger.setLevel(level.upper())
    logging.getLogger("planner.access").setLevel(logging.INFO if access else logging.WARNING)


def _with_request_id(record: logging.LogRecord) -> bool:
    record.request_id = REQUEST_ID.get()
    return True


class _Text(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = getattr(record, "request_id", "")
        return f"{line} [{request_id}]" if request_id else line


class _JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if request_id := getattr(record, "request_id", ""):
            entry["request_id"] = request_id
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
