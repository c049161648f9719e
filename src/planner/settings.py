"""What the planner application is opened with; `planner.bootstrap.settings` reads it from the
PLANNER_* variables (secrets never live in the repository)."""

from __future__ import annotations

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
