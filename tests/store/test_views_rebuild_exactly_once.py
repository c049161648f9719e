"""Views are built only from events: rebuilt from scratch they equal the incremental ones,
and however many processes catch up at once, each event is applied exactly once."""

import threading
from datetime import date
from pathlib import Path

from sqlalchemy import delete, inspect, update

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.backup.event_lines import export_events, import_events
from planner.bootstrap.store import open_planner
from planner.demo.loader import load_demo
from planner.domain.task import Task
from planner.projections.schema import progress_counts, view_shapes
from planner.settings import Settings
from planner.storage.database import Database
from planner.storage.event_store import EventStore
from tests.builders import add_task, bac_kan_plan, staff
from tests.store.view_snapshot import snapshot


def test_rebuilt_views_equal_the_incrementally_built_views(
    planner: Planner, clock: FixedClock
) -> None:
    load_demo(planner, clock)
    planner.agencies.merge("SKHDT", "STC", date(2025, 3, 1), "Sáp nhập", planner.system)
    incremental = snapshot(planner.projector.reader)
    assert len(incremental["view_history"]) == planner.store.position
    planner.projector.rebuild()
    assert snapshot(planner.projector.reader) == incremental


def test_a_rebuild_writing_more_rows_than_one_statement_takes_equals_the_incremental_views(
    planner: Planner,
) -> None:
    # On PostgreSQL a batch's rows go in INSERTs of up to a thousand rows each.
    planner.agencies.register_defaults(planner.system)
    plan = bac_kan_plan(planner)
    tasks = [
        add_task(planner, plan, f"III.{n}", f"Nhiệm vụ {n}", "Sở Tư pháp", "Năm 2023")
        for n in range(1, 41)
    ]
    stp = staff(planner, "STP")
    for report in range(30):
        for task in tasks:
            planner.tasks.report_progress(task, None, stp, percent=report + 1, note=f"Lần {report}")
    incremental = snapshot(planner.projector.reader)
    assert len(incremental["view_history"]) == planner.store.position > 1_250

    planner.projector.rebuild()

    assert snapshot(planner.projector.reader) == incremental


def test_events_recorded_while_views_were_down_are_applied_on_restart(
    database_url: str, clock: FixedClock
) -> None:
    with open_planner(Settings(database_url=database_url), clock) as first:
        first.agencies.register_defaults(first.system)
        plan = bac_kan_plan(first)
        task_id = add_task(
            first, plan, "PL2 II.4", "Theo dõi thi hành pháp luật", "Sở Tư pháp", "Năm 2023"
        )
        task = first.workspace.load(Task, task_id, "nhiệm vụ")
        task.start(None, staff(first, "STP"), clock.now())
        first.store.save(task)  # recorded, but this process stops before projecting it
        assert first.views.task(task_id).occurrences[0].status == "not_started"
    with open_planner(Settings(database_url=database_url), clock) as restarted:
        assert restarted.views.task(task_id).occurrences[0].status == "in_progress"
        assert restarted.projector.position() == restarted.store.position


def test_two_processes_catching_up_at_once_apply_each_event_once(
    database_url: str, clock: FixedClock, tmp_path: Path
) -> None:
    """A restored store (events only) is opened by two workers at the same moment."""
    backup = tmp_path / "events.jsonl"
    with open_planner(
        Settings(database_url=f"sqlite:///{tmp_path / 'source.db'}"), clock
    ) as source:
        load_demo(source, clock)
        export_events(source.store, backup)
        expected = snapshot(source.projector.reader)
    database = Database.from_url(database_url)
    count = import_events(EventStore(database), backup)
    workers: list[Planner] = []
    barrier = threading.Barrier(2)

    def start_worker() -> None:
        barrier.wait()
        workers.append(open_planner(Settings(database_url=database_url), clock))

    threads = [threading.Thread(target=start_worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(workers) == 2
    for worker in workers:
        assert worker.projector.position() == count
        assert snapshot(worker.projector.reader) == expected
        worker.close()


def test_views_built_by_an_older_release_are_rebuilt_when_the_store_opens(
    database_url: str, clock: FixedClock
) -> None:
    with open_planner(Settings(database_url=database_url), clock) as first:
        load_demo(first, clock)
        expected = snapshot(first.projector.reader)
        with first.projector.writer.begin() as connection:
            # What an older release left: a view it did not keep, a table this one no longer
            # has, and its own shape.
            connection.execute(delete(progress_counts))
            connection.exec_driver_sql("CREATE TABLE view_score_lines (code VARCHAR(32))")
            connection.execute(update(view_shapes).values(fingerprint="an older release"))
    with open_planner(Settings(database_url=database_url), clock) as reopened:
        assert snapshot(reopened.projector.reader) == expected
        assert reopened.views.progress(date(2023, 12, 31))
        assert not inspect(reopened.projector.reader).has_table("view_score_lines")
