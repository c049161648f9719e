"""Appends per second of the native and the SQLAlchemy recorders (run in a separate venv).

eventsourcing-sqlalchemy 1.0.1 needs SQLAlchemy < 2.1, which planner does not use, so this
probe runs in its own virtual environment and imports nothing from planner.
"""

from __future__ import annotations

import json
import os
import sys
import time
from uuid import uuid4

from eventsourcing.application import Application
from eventsourcing.persistence import StoredEvent

STATE = json.dumps(
    {"occurrence": "", "percent": 40, "note": "Đang thực hiện", "evidence": []}
).encode()


def appends_per_second(env: dict[str, str], count: int) -> float:
    os.environ.update(env)
    app = Application()
    recorder = app.recorder
    start = time.perf_counter()
    for _ in range(count):
        recorder.insert_events([StoredEvent(uuid4(), 1, "bench:Event", STATE)])
    rate = count / (time.perf_counter() - start)
    app.close()
    for key in env:
        del os.environ[key]
    return rate


def main(sqlite_dir: str, postgres_dsn: str, schema_native: str, schema_sqlalchemy: str) -> None:
    count = 2000
    host, port, user, dbname = postgres_dsn.split(",")
    native_pg = {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": dbname,
        "POSTGRES_HOST": host,
        "POSTGRES_PORT": port,
        "POSTGRES_USER": user,
        "POSTGRES_PASSWORD": "",
        "POSTGRES_SCHEMA": schema_native,
    }
    url = f"postgresql+psycopg://{user}@{host}:{port}/{dbname}"
    results = {
        "sqlite_native": appends_per_second(
            {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": f"{sqlite_dir}/native.db",
            },
            count,
        ),
        "sqlite_sqlalchemy": appends_per_second(
            {
                "PERSISTENCE_MODULE": "eventsourcing_sqlalchemy",
                "SQLALCHEMY_URL": f"sqlite:///{sqlite_dir}/sa.db",
            },
            count,
        ),
        "postgresql_native": appends_per_second(native_pg, count),
        "postgresql_sqlalchemy": appends_per_second(
            {
                "PERSISTENCE_MODULE": "eventsourcing_sqlalchemy",
                "SQLALCHEMY_URL": url,
                "SQLALCHEMY_SCHEMA": schema_sqlalchemy,
            },
            count,
        ),
    }
    print(json.dumps(results))


if __name__ == "__main__":
    main(*sys.argv[1:5])
