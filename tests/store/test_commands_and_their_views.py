"""A command's events and the views they change are one transaction; the task a command starts
from is the one stored, whoever changed it last."""

from collections.abc import Sequence
from typing import Any, ClassVar

import psycopg
import pytest

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.bootstrap.store import open_planner
from planner.domain.task import Task
from planner.projections.projection import Projection
from planner.projections.view_transaction import ViewTransaction
from planner.settings import Settings
from tests.builders import add_task, bac_kan_plan, staff
from tests.store.view_snapshot import snapshot


class RefusesBlockedTasks(Projection):
    """A view whose database refuses one kind of change, as a full disk or a lock would."""

    events: ClassVar[tuple[type, ...]] = (Task.Blocked,)

    def prepare(self, transaction: ViewTransaction, events: Sequence[Any]) -> None:
        raise RuntimeError("bảng tổng hợp không ghi được")


def test_a_change_the_views_cannot_take_is_not_recorded_either(planner: Planner) -> None:
    plan = bac_kan_plan(planner)
    task_id = add_task(
        planner, plan, "PL2 II.4", "Theo dõi thi hành pháp luật", "Sở Tư pháp", "Năm 2023"
    )
    stp = staff(planner, "STP")
    planner.tasks.start(task_id, None, stp)
    before, position = snapshot(planner.projector.reader), planner.store.position
    planner.projector.projections = [*planner.projector.projections, RefusesBlockedTasks()]

    with pytest.raises(RuntimeError, match="không ghi được"):
        planner.tasks.block(task_id, None, "Chờ hướng dẫn", stp)

    assert planner.store.position == position  # the event went with the views' transaction
    assert snapshot(planner.projector.reader) == before
    planner.projector.projections = planner.projector.projections[:-1]
    assert planner.tasks.block(task_id, None, "Chờ hướng dẫn", stp) == "blocked"
    assert [e.event for e in planner.views.history(task_id)] == ["Added", "Started", "Blocked"]


def test_a_task_changed_by_another_process_is_seen_by_the_next_command(
    database_url: str, clock: FixedClock
) -> None:
    with (
        open_planner(Settings(database_url=database_url), clock) as first,
        open_planner(Settings(database_url=database_url), clock) as second,
    ):
        first.agencies.register_defaults(first.system)
        plan = bac_kan_plan(first)
        task_id = add_task(
            first, plan, "PL2 II.4", "Theo dõi thi hành pháp luật", "Sở Tư pháp", "Năm 2023"
        )
        first.tasks.start(task_id, None, staff(first, "STP"))
        second.tasks.report_progress(task_id, None, staff(second, "STP"), percent=40)

        seen = second.views.task(task_id).version
        first.tasks.report_progress(
            task_id, None, staff(first, "STP"), percent=60, expected_version=seen
        )

        assert [e.version for e in first.views.history(task_id)] == [1, 2, 3, 4]
        assert first.workspace.load(Task, task_id, "nhiệm vụ").occurrences[""].percent == 60


def test_a_change_made_but_never_saved_is_not_where_the_next_command_starts(
    planner: Planner,
) -> None:
    plan = bac_kan_plan(planner)
    task_id = add_task(
        planner, plan, "PL2 II.4", "Theo dõi thi hành pháp luật", "Sở Tư pháp", "Năm 2023"
    )
    stp = staff(planner, "STP")
    task = planner.workspace.load(Task, task_id, "nhiệm vụ")
    task.start(None, stp, planner.workspace.clock.now())
    planner.workspace.save(task, what="nhiệm vụ")
    task.report_progress(None, 90, "Chưa ghi", (), stp, planner.workspace.clock.now())

    planner.tasks.report_progress(task_id, None, stp, percent=30, expected_version=2)

    assert [e.version for e in planner.views.history(task_id)] == [1, 2, 3]
    assert planner.views.task(task_id).occurrences[0].percent == 30


def test_a_command_goes_through_after_the_server_dropped_every_connection(
    postgres_url: str, clock: FixedClock
) -> None:
    with open_planner(Settings(database_url=postgres_url), clock) as planner:
        planner.agencies.register_defaults(planner.system)
        plan = bac_kan_plan(planner)
        task_id = add_task(
            planner, plan, "PL2 II.4", "Theo dõi thi hành pháp luật", "Sở Tư pháp", "Năm 2023"
        )
        stp = staff(planner, "STP")
        planner.tasks.start(task_id, None, stp)
        _drop_every_connection(postgres_url)

        assert planner.tasks.report_progress(task_id, None, stp, percent=40) == "in_progress"

        assert [e.version for e in planner.views.history(task_id)] == [1, 2, 3]
        assert planner.views.task(task_id).occurrences[0].percent == 40


def _drop_every_connection(url: str) -> None:
    """End the server process of every other connection to the database, as a restart would:
    the writer's and the version probe's, held between commands, and the readers' pool."""
    with psycopg.connect(url.split("?")[0], autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
