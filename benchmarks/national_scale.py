"""Queries, a quarterly report and a full rebuild on a national-scale store (2 million events)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Any

from benchmarks.national_data import Scale, generate
from benchmarks.query_child import Latency
from benchmarks.report_rate import ReportRate
from planner.storage.database import Database
from planner.storage.event_store import EventStore


@dataclass(frozen=True)
class NationalScale:
    backend: str
    tasks: int
    parts: int  # one per lead body of each occurrence
    events: int
    seed_seconds: float
    rebuild_seconds: float
    rebuild_peak_mib: float
    latencies: list[Latency]
    report: ReportRate


def measure(backend: str, url: str, scale: Scale) -> NationalScale:
    store = EventStore(Database.from_url(url))
    start = time.perf_counter()
    events = 0
    for events in generate(store, scale):
        print(f"  {backend}: {events:,} events written", end="\r", file=sys.stderr)
    seed_seconds = time.perf_counter() - start
    store.close()
    rebuild = _in_child("benchmarks.rebuild_child", url)
    latencies = [Latency(**found) for found in _in_child("benchmarks.query_child", url)]
    report = ReportRate(backend, **_in_child("benchmarks.report_rate", url))
    return NationalScale(
        backend,
        scale.tasks,
        rebuild["parts"],
        events,
        seed_seconds,
        rebuild["seconds"],
        rebuild["peak_mib"],
        latencies,
        report,
    )


def _in_child(module: str, url: str) -> Any:
    """What the module prints (JSON) when run in a process of its own on the store."""
    done = subprocess.run(
        [sys.executable, "-m", module, url], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)
