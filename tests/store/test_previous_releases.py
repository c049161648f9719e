"""Stores written by an earlier release open with today's code and answer as they did.

Each folder under releases/ holds what a release left behind (built by build_release_store.py
on that release): its events exported as JSON lines, its SQLite store, and what its queries
answered. Today's answers must hold every field those answers held, with the same value,
except where a later release deliberately reads the same events differently (listed here):

- since 0.2, progress and overdue "on" a past day count what had taken effect by that day
  (`queries/past_day.py`); 0.1 applied today's data to any day. 0.1's reading is still what
  the live views answer, so the stores are compared through them (`read_as_0_1`).
- since 0.2, work led by several bodies is done in parts, one per body: a completion that one
  body's staff recorded is that body's part, and the task is completed when every part is.
  0.1's answers hold for work one body leads (`led_by_one`); the parts are checked apart.
"""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.backup.event_lines import import_events
from planner.bootstrap.store import open_planner
from planner.domain.actor import Role
from planner.presentation.json_document import to_json
from planner.queries.views import Views
from planner.settings import Settings
from tests.conftest import vietnam_time
from tests.store.releases.build_release_store import answers

RELEASES = Path(__file__).parent / "releases"
TODAY = vietnam_time(date(2026, 12, 4))


def released(version: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((RELEASES / version / "answers.json").read_text("utf-8"))
    return loaded


def differences(then: Any, now: Any, where: str = "") -> list[str]:
    """Where `now` lacks a field `then` had, or holds another value; added fields are fine."""
    if isinstance(then, dict) and isinstance(now, dict):
        found = []
        for key, value in then.items():
            if key not in now:
                found.append(f"{where}.{key}: missing")
            else:
                found += differences(value, now[key], f"{where}.{key}")
        return found
    if isinstance(then, list) and isinstance(now, list):
        if len(then) != len(now):
            return [f"{where}: {len(then)} items then, {len(now)} now"]
        pairs = enumerate(zip(then, now, strict=True))
        return [d for i, (a, b) in pairs for d in differences(a, b, f"{where}[{i}]")]
    return [] if then == now else [f"{where}: {then!r} then, {now!r} now"]


def read_as_0_1(planner: Planner) -> Planner:
    """The planner answering every day from the live views, as 0.1 did."""
    planner.views = Views(planner.projector.reader)
    return planner


def led_by_one(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers about work a single body leads, and about bodies leading no shared work."""
    shared = [t for t in answers["tasks"] if len(t["lead"]) > 1]
    ids = {t["task_id"] for t in shared}
    carrier = {a["code"]: a["carried_by"] for a in answers["agencies"]}
    sharing = {
        (t["plan_id"], body)
        for t in shared
        for code in t["lead"]
        for body in (code, carrier.get(code, code))
    }
    return {
        **answers,
        "tasks": [t for t in answers["tasks"] if t["task_id"] not in ids],
        "overdue": {
            day: [i for i in items if i["task_id"] not in ids]
            for day, items in answers["overdue"].items()
        },
        "progress": {
            day: [r for r in rows if (r["plan_id"], r["agency"]) not in sharing]
            for day, rows in answers["progress"].items()
        },
    }


def test_the_0_1_export_imports_into_an_empty_store_and_answers_as_0_1_did(
    database_url: str,
) -> None:
    with open_planner(Settings(database_url=database_url), FixedClock(TODAY)) as restored:
        import_events(restored.store, RELEASES / "0.1" / "events.jsonl")
        restored.projector.catch_up()
        now = led_by_one(to_json(answers(read_as_0_1(restored))))
        assert differences(led_by_one(released("0.1")), now) == []


def test_the_0_1_sqlite_store_opens_in_place_and_answers_as_0_1_did(tmp_path: Path) -> None:
    store = tmp_path / "planner.db"
    with gzip.open(RELEASES / "0.1" / "store.sqlite.gz") as packed, store.open("wb") as raw:
        shutil.copyfileobj(packed, raw)
    with open_planner(Settings(database_url=f"sqlite:///{store}"), FixedClock(TODAY)) as opened:
        now = led_by_one(to_json(answers(read_as_0_1(opened))))
        assert differences(led_by_one(released("0.1")), now) == []


@pytest.mark.parametrize("version", ["0.1"])
def test_work_recorded_by_an_earlier_release_goes_on(version: str, tmp_path: Path) -> None:
    store = tmp_path / "planner.db"
    with gzip.open(RELEASES / version / "store.sqlite.gz") as packed, store.open("wb") as raw:
        shutil.copyfileobj(packed, raw)
    with open_planner(Settings(database_url=f"sqlite:///{store}"), FixedClock(TODAY)) as opened:
        task = next(t for t in opened.views.tasks() if t.reference == "PL2 II.4")
        staff = opened.actor("can-bo.stp", "STP", Role.AGENCY)
        opened.tasks.unblock(task.task_id, None, "Đã có kết quả kiểm tra", staff)
        opened.tasks.complete(task.task_id, None, staff, note="Hoàn thành")
        assert opened.views.task(task.task_id).occurrences[0].status == "completed"


def test_shared_work_recorded_by_0_1_is_read_as_each_body_did_its_own_part(tmp_path: Path) -> None:
    store = tmp_path / "planner.db"
    with gzip.open(RELEASES / "0.1" / "store.sqlite.gz") as packed, store.open("wb") as raw:
        shutil.copyfileobj(packed, raw)
    with open_planner(Settings(database_url=f"sqlite:///{store}"), FixedClock(TODAY)) as opened:
        task = next(t for t in opened.views.tasks() if t.reference == "PL2 I.1b")
        second = next(o for o in task.occurrences if o.occurrence == "2023-Q2")
        # Văn phòng UBND tỉnh's staff recorded the completion: its own part is done.
        assert {p.agency: p.status for p in second.parts} == {
            "VPUBND": "completed",
            "STTTT": "not_started",
            "STP": "not_started",
            "STC": "not_started",
        }
        assert second.status == "in_progress"
        then = released("0.1")
        shared = next(t for t in then["tasks"] if t["reference"] == "PL2 I.1b")
        assert shared["occurrences"][0]["status"] == "completed"  # 0.1 read it as everyone's
