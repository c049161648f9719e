"""A task several bodies lead: one part each, and the occurrence follows from the parts."""

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

from planner.domain.actor import Actor, Role
from planner.domain.criterion import CriterionRef
from planner.domain.errors import InvalidTransition, NotPermitted, UnknownPart
from planner.domain.schedule_text import read_schedule
from planner.domain.task import Task
from planner.domain.task_part import occurrence_status
from planner.domain.task_status import Status

NOW = datetime(2023, 7, 1, 2, 0, tzinfo=UTC)
SYSTEM = Actor("planner", "SNV", Role.SYSTEM)
MONITOR = Actor("chuyen-vien", "SNV", Role.MONITOR)
STP, STC, SYT = (Actor(f"can-bo.{c.lower()}", c, Role.AGENCY) for c in ("STP", "STC", "SYT"))


def shared_task() -> Task:
    return Task.add(
        plan_id=uuid4(),
        reference="PL2 II.1",
        text="Tự kiểm tra công tác cải cách hành chính",
        criteria=(CriterionRef.parse("1.3"),),
        lead=("STP", "STC", "SYT"),
        coordinating=(),
        schedule=read_schedule("Quý III/2023", 2023, date(2023, 6, 8)).schedule,
        expected_output="",
        actor=SYSTEM,
        at=NOW,
    )


def test_the_occurrence_is_completed_when_every_part_that_applies_is() -> None:
    task = shared_task()
    task.complete(None, "", (), STP, NOW)
    task.report_progress(None, 50, "", (), STC, NOW)
    state = task.occurrences[""]
    assert {b: p.status for b, p in state.parts.items()} == {
        "STP": Status.COMPLETED,
        "STC": Status.IN_PROGRESS,
        "SYT": Status.NOT_STARTED,
    }
    assert (state.status, state.percent) == (Status.IN_PROGRESS, 50)

    task.mark_not_applicable((), ("SYT",), "Không có đơn vị trực thuộc", MONITOR, NOW)
    task.complete(None, "", (), STC, NOW)
    assert task.occurrences[""].status is Status.COMPLETED


def test_a_body_changes_only_its_own_part_and_sở_nội_vụ_names_the_part() -> None:
    task = shared_task()
    with pytest.raises(
        NotPermitted, match="STP chỉ cập nhật phần việc của mình, không phải của STC"
    ):
        task.start(None, STP, NOW, part="STC")
    with pytest.raises(UnknownPart, match="do 3 cơ quan chủ trì"):
        task.start(None, MONITOR, NOW)
    with pytest.raises(UnknownPart, match="không có phần của SXD"):
        task.start(None, MONITOR, NOW, part="SXD")
    task.block(None, "Chờ hướng dẫn", MONITOR, NOW, part="SYT")
    assert task.occurrences[""].status is Status.BLOCKED
    task.mark_not_applicable((), ("SYT",), "Không áp dụng", MONITOR, NOW)
    with pytest.raises(InvalidTransition, match="phần của SYT đã được đánh dấu không áp dụng"):
        task.unblock(None, "", SYT, NOW)


def test_a_reassignment_keeps_the_parts_of_bodies_still_leading() -> None:
    task = shared_task()
    task.complete(None, "", (), STP, NOW)
    task.reassign(("STP", "SXD"), (), "Giao lại", MONITOR, NOW)
    parts = task.occurrences[""].parts
    assert {b: p.status for b, p in parts.items()} == {
        "STP": Status.COMPLETED,
        "SXD": Status.NOT_STARTED,
    }


@pytest.mark.parametrize(
    ("statuses", "derived"),
    [
        ((Status.COMPLETED, Status.CANCELLED), Status.COMPLETED),
        ((Status.CANCELLED, Status.CANCELLED), Status.CANCELLED),
        ((Status.COMPLETED, Status.BLOCKED), Status.BLOCKED),
        ((Status.COMPLETED, Status.NOT_STARTED), Status.IN_PROGRESS),
        ((Status.NOT_STARTED, Status.NOT_STARTED), Status.NOT_STARTED),
    ],
)
def test_how_parts_make_the_occurrences_status(
    statuses: tuple[Status, ...], derived: Status
) -> None:
    assert occurrence_status(statuses) is derived
