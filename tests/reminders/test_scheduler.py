"""The scheduler sends on its own, keeps its jobs in the planner database, and with several
processes exactly one of them sends — the others stand by and take over when it stops."""

from __future__ import annotations

import os
import signal
from datetime import date
from pathlib import Path

from sqlalchemy import column, select, table

from notifications.scheduler import DAILY_JOB, JOBS_TABLE, RETRY_JOB
from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.bootstrap.container import Container
from tests.builders import add_task, bac_kan_plan
from tests.conftest import vietnam_time
from tests.python_processes import PythonProcess
from tests.reminders.mail_server import MailServer
from tests.reminders.province import province
from tests.reminders.waiting import wait_until

AGENCIES = ("STP", "STC", "SYT", "SGDDT", "SNNPTNT", "SCT")


def stored_jobs(planner: Planner) -> set[str]:
    jobs = table(JOBS_TABLE, column("id"))
    with planner.views.engine.connect() as connection:
        return set(connection.execute(select(jobs.c.id)).scalars())


def run_once(root: Container, planner: Planner) -> None:
    scheduler = root.scheduler(planner)
    scheduler.start()
    try:
        wait_until(lambda: scheduler.runs >= 1, "the scheduler has caught up")
    finally:
        scheduler.stop()


def test_the_scheduler_catches_up_at_once_and_sends_nothing_twice_after_a_restart(
    planner: Planner, clock: FixedClock, root: Container, mail_server: MailServer
) -> None:
    province(planner)
    clock.set(vietnam_time(date(2023, 9, 5), 10))
    for _ in range(2):  # started, stopped, started again the same morning
        run_once(root, planner)
    assert [m.subject for m in mail_server.received] == [
        "Nhắc hạn: PL2 I.1 đến hạn 12/09/2023 (còn 7 ngày)"
    ]
    assert stored_jobs(planner) == {DAILY_JOB, RETRY_JOB}


def start_process(database_url: str, mail_server: MailServer, log: Path) -> PythonProcess:
    moment = vietnam_time(date(2023, 9, 5), 10).isoformat()
    return PythonProcess(
        "tests.reminders.scheduler_process",
        [database_url, moment],
        {**os.environ, **mail_server.env()},
        log,
    )


def test_of_two_schedulers_running_at_once_exactly_one_sends_and_the_other_takes_over(
    database_url: str, planner: Planner, mail_server: MailServer, tmp_path: Path
) -> None:
    plan = bac_kan_plan(planner)
    for code in AGENCIES:
        planner.agencies.set_emails(code, (f"vanphong@{code.lower()}.gov.vn",), planner.system)
        add_task(planner, plan, f"PL2 {code}", f"Nhiệm vụ của {code}", code, "Trước ngày 12/9/2023")
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    processes = [start_process(database_url, mail_server, log) for log in logs]
    try:

        def runs() -> list[int]:
            return [log.read_text().count("run sent=") for log in logs]

        wait_until(lambda: sum(runs()) >= 1, "one scheduler has run the daily job")
        wait_until(lambda: len(mail_server.received) >= len(AGENCIES), "every digest arrived")
        leader = runs().index(1)
        assert runs()[1 - leader] == 0  # the other one stands by
        processes[leader].send_signal(signal.SIGTERM)
        assert processes[leader].wait(timeout=60) == 0
        wait_until(lambda: runs()[1 - leader] >= 1, "the standby took over and caught up")
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=60)
    received = sorted(r for m in mail_server.received for r in m.recipients)
    assert received == sorted(f"vanphong@{code.lower()}.gov.vn" for code in AGENCIES)
    assert f"run sent={len(AGENCIES)} skipped=0" in logs[leader].read_text()
    assert "run sent=0 skipped=0" in logs[1 - leader].read_text()
