"""Coordinating bodies send their input to the lead by their own earlier deadline."""

from __future__ import annotations

from datetime import date

import pytest

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.domain.errors import InvalidValue, NotPermitted
from planner.queries.inputs import InputState
from tests.builders import add_task, bac_kan_plan, monitor, staff
from tests.conftest import vietnam_time


def test_a_coordinating_body_s_input_is_due_working_days_before_the_lead_s_deadline(
    planner: Planner, clock: FixedClock
) -> None:
    plan = bac_kan_plan(planner)
    task = add_task(
        planner,
        plan,
        "PL2 III.3",
        "Rà soát, đơn giản hóa thủ tục hành chính",
        "Sở Tư pháp",
        "Quý III/2023",  # due Saturday 30/09/2023
        coordinating="Sở Tài chính; Sở Nội vụ",
    )
    calendar = planner.calendar.calendar()
    clock.set(vietnam_time(date(2023, 9, 22)))
    planner.tasks.send_input(task, None, staff(planner, "STC"), note="Số liệu chi thường xuyên")
    with pytest.raises(NotPermitted, match=r"STP không phối hợp thực hiện nhiệm vụ PL2 III\.3"):
        planner.tasks.send_input(task, None, staff(planner, "STP"), note="x")
    with pytest.raises(InvalidValue, match="cần nội dung ý kiến"):
        planner.tasks.send_input(task, None, staff(planner, "SNV"))

    owed = {i.agency: i for i in planner.views.inputs(date(2023, 9, 26), calendar, task)}
    assert owed["STC"].due_on == date(2023, 9, 25)  # five working days before, weekend skipped
    assert (owed["STC"].state, owed["SNV"].state) == (InputState.SENT_ON_TIME, InputState.MISSING)

    clock.set(vietnam_time(date(2023, 9, 27)))
    planner.tasks.send_input(task, None, staff(planner, "SNV"), note="Ý kiến về biên chế")
    counts = {c.agency: c for c in planner.views.input_counts(date(2023, 10, 2), calendar, plan)}
    assert (counts["STC"].sent_on_time, counts["SNV"].sent_late) == (1, 1)

    planner.plans.set_input_days(plan, 3, "Kế hoạch rút ngắn thời gian phối hợp", monitor(planner))
    owed = {i.agency: i for i in planner.views.inputs(date(2023, 10, 2), calendar, task)}
    assert (owed["SNV"].due_on, owed["SNV"].state) == (date(2023, 9, 27), InputState.SENT_ON_TIME)
    shown = planner.views.history(task)[-1]
    assert (shown.event, shown.details["body"]) == ("InputSent", "SNV")
