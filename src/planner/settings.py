"""Configuration from PLANNER_* environment variables; secrets never live in the repository."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from planner.domain.effective_day import STAFF_DAYS

DEFAULT_DATABASE_URL = "sqlite:///var/planner.db"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    monitor_agency: str = "SNV"
    # How many days back agency staff may date their own reports; Sở Nội vụ has no limit.
    backdate_days: int = STAFF_DAYS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        return cls(
            database_url=environ.get("PLANNER_DATABASE_URL") or DEFAULT_DATABASE_URL,
            monitor_agency=(environ.get("PLANNER_MONITOR_AGENCY") or "SNV").upper(),
            backdate_days=_days(environ.get("PLANNER_BACKDATE_DAYS")),
        )


def _days(text: str | None) -> int:
    if not text:
        return STAFF_DAYS
    if not text.strip().isdigit():
        raise ValueError(f"PLANNER_BACKDATE_DAYS phải là số ngày (0, 10, 30…), không phải '{text}'")
    return int(text)
