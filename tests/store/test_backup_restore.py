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


def _exported_lines(clock: FixedClock, tmp_path: Path) -> list[str]:
    """The demo's events as `planner events export` writes them, from a store of its own."""
    with open_planner(Settings(database_url=f"sqlite:///{tmp_path / 'demo.db'}"), clock) as demo:
        load_demo(demo, clock)
        backup = tmp_path / "full.jsonl"
        export_events(demo.store, backup)
    return backup.read_text(encoding="utf-8").splitlines(keepends=True)


def _line_of(lines: list[str], version: int, topic: str) -> int:
    """The line (from 1) of the first event of that topic at that version."""
    return next(
        number
        for number, line in enumerate(lines, start=1)
        if json.loads(line)["topic"] == topic and json.loads(line)["originator_version"] == version
    )


def _refused(database_url: str, clock: FixedClock, backup: Path) -> str:
    with open_planner(Settings(database_url=database_url), clock) as empty:
        with pytest.raises(InvalidValue) as refused:
            import_events(empty.store, backup)
        assert empty.store.position == 0
    return str(refused.value)


def test_a_deleted_line_is_refused_where_the_task_misses_a_version(
    clock: FixedClock, database_url: str, tmp_path: Path
) -> None:
    lines = _exported_lines(clock, tmp_path)
    started = _line_of(lines, 2, "planner.domain.task:Task.Started")
    task = json.loads(lines[started - 1])["originator_id"]
    following = next(
        number
        for number, line in enumerate(lines, start=1)
        if number > started and json.loads(line)["originator_id"] == task
    )
    del lines[started - 1]
    backup = tmp_path / "deleted.jsonl"
    backup.write_text("".join(lines), encoding="utf-8")

    message = _refused(database_url, clock, backup)

    assert message == (
        f"deleted.jsonl, dòng {following - 1}: nhiệm vụ {task} thiếu phiên bản 2 (dòng này là "
        "phiên bản 3); chưa ghi gì"
    )


def test_a_repeated_or_renumbered_line_is_refused(
    clock: FixedClock, database_url: str, tmp_path: Path
) -> None:
    lines = _exported_lines(clock, tmp_path)
    started = _line_of(lines, 2, "planner.domain.task:Task.Started")
    task = json.loads(lines[started - 1])["originator_id"]
    repeated = tmp_path / "repeated.jsonl"
    repeated.write_text("".join([*lines[:started], lines[started - 1]]), encoding="utf-8")
    renumbered = tmp_path / "renumbered.jsonl"
    lines[started - 1] = lines[started - 1].replace(
        '"originator_version":2', '"originator_version":7'
    )
    renumbered.write_text("".join(lines), encoding="utf-8")

    assert _refused(database_url, clock, repeated).startswith(
        f"repeated.jsonl, dòng {started + 1}: nhiệm vụ {task} có phiên bản 2 lần nữa"
    )
    assert _refused(database_url, clock, renumbered).startswith(
        f"renumbered.jsonl, dòng {started}: nhiệm vụ {task} thiếu các phiên bản 2 đến 6"
    )


def test_an_event_type_this_release_does_not_know_is_refused_before_it_is_imported(
    clock: FixedClock, database_url: str, tmp_path: Path
) -> None:
    lines = _exported_lines(clock, tmp_path)
    lines[0] = lines[0].replace("planner.domain.agency:Agency.Registered", "os:system")
    backup = tmp_path / "foreign.jsonl"
    backup.write_text("".join(lines), encoding="utf-8")

    assert _refused(database_url, clock, backup) == (
        "foreign.jsonl, dòng 1: loại sự kiện 'os:system' không có trong phiên bản planner này; "
        "chưa ghi gì"
    )


def test_lines_out_of_notification_order_are_refused(
    clock: FixedClock, database_url: str, tmp_path: Path
) -> None:
    lines = _exported_lines(clock, tmp_path)
    lines[0], lines[1] = lines[1], lines[0]  # two agencies' first events, swapped
    backup = tmp_path / "swapped.jsonl"
    backup.write_text("".join(lines), encoding="utf-8")

    assert _refused(database_url, clock, backup) == (
        "swapped.jsonl, dòng 2: sự kiện số 1 nằm sau sự kiện số 2 (sai thứ tự); chưa ghi gì"
    )
