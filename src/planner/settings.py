"""Configuration from PLANNER_* environment variables; secrets never live in the repository."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from planner.domain.effective_day import STAFF_DAYS
from planner.storage.database import POOL_SIZE, TIMEOUT_SECONDS

DEFAULT_DATABASE_URL = "sqlite:///var/planner.db"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    monitor_agency: str = "SNV"
    # How many days back agency staff may date their own reports; Sở Nội vụ has no limit.
    backdate_days: int = STAFF_DAYS
    # PostgreSQL connections each pool keeps (as many again when busy), and the longest a
    # statement or a silent network may hold a request before it gets 503.
    pool_size: int = POOL_SIZE
    database_timeout_seconds: int = TIMEOUT_SECONDS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        return cls(
            database_url=environ.get("PLANNER_DATABASE_URL") or DEFAULT_DATABASE_URL,
            monitor_agency=(environ.get("PLANNER_MONITOR_AGENCY") or "SNV").upper(),
            backdate_days=_days(environ.get("PLANNER_BACKDATE_DAYS")),
            pool_size=_whole(environ, "PLANNER_DB_POOL_SIZE", POOL_SIZE),
            database_timeout_seconds=_whole(environ, "PLANNER_DB_TIMEOUT", TIMEOUT_SECONDS),
        )


def _days(text: str | None) -> int:
    if not text:
        return STAFF_DAYS
    if not text.strip().isdigit():
        raise ValueError(f"PLANNER_BACKDATE_DAYS phải là số ngày (0, 10, 30…), không phải '{text}'")
    return int(text)


def _whole(environ: Mapping[str, str], name: str, default: int) -> int:
    text = (environ.get(name) or "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{name} phải là số nguyên dương, không phải '{text}'")
    return int(text)
