"""The web application's configuration, from PLANNER_* environment variables."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FILES_DIR = "var/files"


@dataclass(frozen=True)
class WebSettings:
    session_secret: str
    files_dir: Path
    secure_cookies: bool = False
    session_hours: int = 12
    max_upload_bytes: int = 20 * 1024 * 1024
    secret_from_environment: bool = True

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> WebSettings:
        """Without PLANNER_SESSION_SECRET a random one is made: sign-ins last until a restart."""
        secret = environ.get("PLANNER_SESSION_SECRET", "")
        return cls(
            session_secret=secret or secrets.token_urlsafe(32),
            files_dir=Path(environ.get("PLANNER_FILES_DIR") or DEFAULT_FILES_DIR),
            secure_cookies=environ.get("PLANNER_SECURE_COOKIES", "").lower() in ("1", "true"),
            secret_from_environment=bool(secret),
        )
