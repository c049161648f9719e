"""Two processes sending the same day's reminders at once: each reminder still goes out once."""

from __future__ import annotations

import threading
from datetime import date

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.application.reminders import BATCH, RunReport
from planner.bootstrap.container import Container
from tests.builders import add_task, bac_kan_plan
from tests.conftest import vietnam_time
from tests.reminders.mail_server import MailServer


def test_two_senders_racing_on_one_store_send_every_digest_exactly_once(
    planner: Planner, root: Container, mail_server: MailServer
) -> None:
    plan = bac_kan_plan(planner)
    # More digests than one batch, so claims interleave across batches. Sở Nội vụ has no
    # address here, so its weekly escalation (due this Tuesday after 2/9) stays out of it.
    agencies = [a.code for a in planner.views.agencies() if a.code != "SNV"]
    assert len(agencies) > BATCH
    with planner.workspace.bulk():
        for code in agencies:
            email = (f"vanphong@{code.lower()}.gov.vn",)
            planner.agencies.set_emails(code, email, planner.system)
            add_task(
                planner, plan, f"PL2 {code}", f"Nhiệm vụ của {code}", code, "Trước ngày 12/9/2023"
            )
    clock = FixedClock(vietnam_time(date(2023, 9, 5)))
    reports: list[RunReport] = []
    start = threading.Barrier(2)

    def sender() -> None:
        with root.open_planner(clock) as process:
            service = root.reminders(process)
            start.wait()
            reports.append(service.run(date(2023, 9, 5)))

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    received = sorted(r for m in mail_server.received for r in m.recipients)
    assert received == sorted(f"vanphong@{code.lower()}.gov.vn" for code in agencies)
    assert sum(len(r.sent) for r in reports) == len(agencies)
    assert all(len(r.sent) + r.skipped == len(r.outbox.messages) for r in reports)
