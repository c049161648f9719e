"""Configuration from PLANNER_* environment variables; secrets never live in the repository."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_DATABASE_URL = "sqlite:///var/planner.db"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    monitor_agency: str = "SNV"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        return cls(
            database_url=environ.get("PLANNER_DATABASE_URL") or DEFAULT_DATABASE_URL,
            monitor_agency=(environ.get("PLANNER_MONITOR_AGENCY") or "SNV").upper(),
        )
