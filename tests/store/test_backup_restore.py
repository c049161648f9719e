"""`planner events export` then `import` into an empty store reproduces identical views."""

import json
from pathlib import Path

import pytest

from planner.application.clock import FixedClock
from planner.application.errors import AlreadyExists
from planner.application.planner import Planner
from planner.backup.event_lines import export_events, import_events
from planner.bootstrap.store import open_planner
from planner.demo.loader import load_demo
from planner.domain.errors import InvalidValue
from planner.settings import Settings
from tests.store.view_snapshot import snapshot


def test_export_and_import_round_trip(planner: Planner, clock: FixedClock, tmp_path: Path) -> None:
    load_demo(planner, clock)
    backup = tmp_path / "planner-events.jsonl"
    written = export_events(planner.store, backup)
    assert written == planner.store.position
    first = json.loads(backup.read_text(encoding="utf-8").splitlines()[0])
    assert first["topic"].startswith("planner.domain.agency:Agency.Registered")
    assert "Sở Nội vụ" in backup.read_text(encoding="utf-8")  # readable UTF-8, not escapes

    restored_url = f"sqlite:///{tmp_path / 'restored.db'}"
    with open_planner(Settings(database_url=restored_url), clock) as restored:
        assert import_events(restored.store, backup) == written
        restored.projector.catch_up()
        assert snapshot(restored.projector.reader) == snapshot(planner.projector.reader)


def test_import_refuses_a_store_that_is_not_empty(planner: Planner, tmp_path: Path) -> None:
    backup = tmp_path / "events.jsonl"
    export_events(planner.store, backup)
    with pytest.raises(
        AlreadyExists, match="chỉ nhập được vào một kho trống: đặt PLANNER_DATABASE_URL"
    ):
        import_events(planner.store, backup)


def test_a_broken_line_is_named_and_nothing_is_imported(
    database_url: str, clock: FixedClock, tmp_path: Path
) -> None:
    backup = tmp_path / "events.jsonl"
    backup.write_text(
        '{"originator_id": "6f1f2b0e-58f3-4c55-9a8c-0b7f4a8e2d11", "originator_version": 1,'
        ' "topic": "planner.domain.plan:Plan.Registered", "state": {}}\n{"originator_id": "x"}\n',
        encoding="utf-8",
    )
    with open_planner(Settings(database_url=database_url), clock) as empty:
        with pytest.raises(InvalidValue, match=r"events.jsonl, dòng 2"):
            import_events(empty.store, backup)
        assert empty.store.position == 0
