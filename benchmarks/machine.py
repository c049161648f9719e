"""What the figures were measured on."""

from __future__ import annotations

import os
import platform
import sqlite3
from importlib.metadata import version
from pathlib import Path

import psycopg

from benchmarks.stores import POSTGRES_URL


def describe() -> list[str]:
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").splitlines()
    cpu = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")),
        platform.processor(),
    )
    memory_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    with psycopg.connect(POSTGRES_URL) as connection:
        server = connection.execute("SHOW server_version").fetchone()
    return [
        f"CPU: {cpu}, {os.cpu_count()} cores; memory {memory_kb / 1024 / 1024:.1f} GiB",
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}",
        f"eventsourcing {version('eventsourcing')}, SQLAlchemy {version('sqlalchemy')}, "
        f"psycopg {version('psycopg')}",
        f"SQLite {sqlite3.sqlite_version}, PostgreSQL {server[0] if server else '?'} (local, "
        "default settings)",
    ]
