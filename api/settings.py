"""The web application's configuration (read from PLANNER_* variables by `planner.bootstrap`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WebSettings:
    session_secret: str
    files_dir: Path
    secure_cookies: bool = False
    session_hours: int = 12
    max_upload_bytes: int = 20 * 1024 * 1024
    secret_from_environment: bool = True
    threads: int = 4
