"""Native recorders against eventsourcing-sqlalchemy, measured in a side virtual environment."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import make_url

from benchmarks.stores import DATA, POSTGRES_URL

VENV = DATA / "venv-recorders"
PACKAGES = ["eventsourcing[postgres]==9.5.6", "eventsourcing-sqlalchemy==1.0.1", "SQLAlchemy<2.1"]


@dataclass(frozen=True)
class RecorderChoice:
    appends_per_second: dict[str, float]


def measure() -> RecorderChoice:
    python = _side_venv()
    url = make_url(POSTGRES_URL)
    schemas = [f"bench_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    workdir = DATA / f"recorders-{uuid.uuid4().hex[:8]}"
    workdir.mkdir(parents=True)
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        for schema in schemas:
            connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        host, port, user = url.host or "127.0.0.1", url.port or 5432, url.username or "postgres"
        dsn = f"{host},{port},{user},{url.database}"
        probe = Path(__file__).with_name("recorder_probe.py")
        done = subprocess.run(
            [str(python), str(probe), str(workdir), dsn, *schemas],
            capture_output=True,
            text=True,
            check=True,
        )
        return RecorderChoice(json.loads(done.stdout.splitlines()[-1]))
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            for schema in schemas:
                connection.execute(f'DROP SCHEMA "{schema}" CASCADE')
        for file in workdir.iterdir():
            file.unlink()
        workdir.rmdir()


def _side_venv() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PACKAGES], check=True)
    return python
