"""Two people change one task at once: one change is recorded, the other is told to reload."""

import threading
from datetime import date

import pytest

from planner.application.errors import Conflict
from planner.application.planner import Planner
from planner.domain.task import Task
from tests.builders import add_task, bac_kan_plan, monitor, staff


def test_simultaneous_saves_give_one_success_and_one_conflict(planner: Planner) -> None:
    plan = bac_kan_plan(planner)
    task_id = add_task(
        planner, plan, "PL2 II.4", "Theo dõi thi hành pháp luật", "Sở Tư pháp", "Năm 2023"
    )
    stp, snv = staff(planner, "STP"), monitor(planner)
    both_loaded = threading.Barrier(2)
    outcomes: list[str] = []

    def change(act: str) -> None:
        task = planner.workspace.load(Task, task_id, "nhiệm vụ")
        both_loaded.wait()
        now = planner.workspace.clock.now()
        if act == "progress":
            task.report_progress(None, 30, "Đang làm", (), stp, now)
        else:
            task.change_deadline(None, date(2024, 3, 31), "Gia hạn", snv, now)
        try:
            planner.workspace.save(task, what="nhiệm vụ PL2 II.4")
            outcomes.append("saved")
        except Conflict as conflict:
            outcomes.append(f"conflict: {conflict}")

    threads = [threading.Thread(target=change, args=(a,)) for a in ("progress", "deadline")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(outcomes) == 2 and "saved" in outcomes
    (refused,) = [o for o in outcomes if o != "saved"]
    assert "vừa được người khác cập nhật" in refused
    history = planner.views.history(task_id)
    assert [e.version for e in history] == [1, 2]  # exactly one change recorded, none lost silently


def test_a_change_based_on_an_old_version_is_refused(planner: Planner) -> None:
    plan = bac_kan_plan(planner)
    task_id = add_task(
        planner, plan, "PL2 II.4", "Theo dõi thi hành pháp luật", "Sở Tư pháp", "Năm 2023"
    )
    stp = staff(planner, "STP")
    seen = planner.views.task(task_id).version
    planner.tasks.start(task_id, None, stp, expected_version=seen)
    with pytest.raises(Conflict, match="phiên bản 2, bạn đang sửa phiên bản 1"):
        planner.tasks.report_progress(task_id, None, stp, percent=50, expected_version=seen)
    assert planner.views.task(task_id).occurrences[0].percent == 0
