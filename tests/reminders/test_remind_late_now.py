"""Sở Nội vụ reminds, in one action, every body still late with its own part of shared work."""

from __future__ import annotations

from datetime import date

import pytest

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.application.reminders import ReminderService
from planner.demo.loader import load_demo
from planner.domain.errors import NotPermitted
from tests.builders import monitor, staff
from tests.conftest import vietnam_time
from tests.reminders.mail_server import MailServer


def test_the_late_bodies_are_reminded_now_and_only_once_a_day(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    load_demo(planner, clock)
    shared = next(t for t in planner.views.tasks() if t.reference == "PL2 VIII.2")
    clock.set(vietnam_time(date(2023, 12, 20)))
    for code in ("STC", "STP", "SYT"):
        planner.tasks.complete(shared.task_id, None, staff(planner, code))
    clock.set(vietnam_time(date(2024, 1, 8)))  # due 31/12/2023

    with pytest.raises(NotPermitted, match="chỉ Sở Nội vụ"):
        reminders.remind_late_now(shared.task_id, staff(planner, "STC"))
    sent = reminders.remind_late_now(shared.task_id, monitor(planner))

    reminded = {d.recipient for d in sent if d.error is None}
    assert reminded == set(shared.lead) - {"STC", "STP", "SYT"}
    assert len(mail_server.received) == len(reminded)
    assert all("PL2 VIII.2 quá hạn 8 ngày" in m.subject for m in mail_server.received)
    assert reminders.remind_late_now(shared.task_id, monitor(planner)) == []  # not twice today
