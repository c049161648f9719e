"""`planner serve` runs the reminder scheduler in-process: the day's reminder arrives once,
and with two servers on one store exactly one of them sends."""

from __future__ import annotations

import os
import signal
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from planner.application.planner import Planner
from tests.builders import add_task, bac_kan_plan
from tests.conftest import vietnam_time
from tests.python_processes import PythonProcess
from tests.reminders.mail_server import MailServer
from tests.reminders.province import STP_EMAIL, province
from tests.reminders.waiting import wait_until
from tests.web.server import Server, free_port, wait_until_up

AGENCIES = ("STP", "STC", "SYT", "SGDDT", "SNNPTNT", "SCT")
MOMENT = vietnam_time(date(2023, 9, 5), 10)  # a Tuesday, 7 days before the 12/9 deadlines


def start(database_url: str, env: Mapping[str, str], log: Path) -> PythonProcess:
    """A `planner serve` process believing it is MOMENT, once it answers."""
    port = free_port()
    process = PythonProcess(
        "tests.reminders.serve_process",
        [MOMENT.isoformat(), str(port)],
        {**os.environ, **env, "PLANNER_DATABASE_URL": database_url},
        log,
    )
    wait_until_up(Server(f"http://127.0.0.1:{port}", database_url, log.parent), process)
    return process


def stop(process: PythonProcess) -> None:
    """SIGTERM, as a service manager stops it: uvicorn shuts down, then ends by that signal."""
    if process.poll() is None:
        process.terminate()
    assert process.wait(timeout=60) in (0, -signal.SIGTERM)


def runs(log: Path) -> int:
    return log.read_text().count("run of 2023-09-05")


def test_a_server_sends_the_day_s_reminder_once_even_when_restarted_the_same_morning(
    database_url: str, planner: Planner, mail_server: MailServer, tmp_path: Path
) -> None:
    province(planner)
    logs = [tmp_path / "first.log", tmp_path / "restarted.log"]
    for log in logs:
        process = start(database_url, mail_server.env(), log)
        try:
            wait_until(lambda log=log: runs(log) >= 1, "the server's scheduler has caught up")
        finally:
            stop(process)
    assert "Nhắc hạn qua e-mail: bật" in logs[0].read_text()
    assert [(m.recipients, m.subject) for m in mail_server.received] == [
        (
            (STP_EMAIL, "giamdoc@stp.backan.gov.vn"),
            "Nhắc hạn: PL2 I.1 đến hạn 12/09/2023 (còn 7 ngày)",
        )
    ]
    assert "run of 2023-09-05: sent=1 " in logs[0].read_text()
    assert "run of 2023-09-05: sent=0 failed=0" in logs[1].read_text()


def test_of_two_servers_on_one_store_exactly_one_sends_and_the_other_takes_over(
    database_url: str, planner: Planner, mail_server: MailServer, tmp_path: Path
) -> None:
    plan = bac_kan_plan(planner)
    for code in AGENCIES:
        planner.agencies.set_emails(code, (f"vanphong@{code.lower()}.gov.vn",), planner.system)
        add_task(planner, plan, f"PL2 {code}", f"Nhiệm vụ của {code}", code, "Trước ngày 12/9/2023")
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    processes: list[PythonProcess] = []
    try:
        for log in logs:
            processes.append(start(database_url, mail_server.env(), log))
        wait_until(lambda: sum(runs(log) for log in logs) >= 1, "one server has sent")
        wait_until(lambda: len(mail_server.received) >= len(AGENCIES), "every digest arrived")
        leader = [runs(log) for log in logs].index(1)
        assert runs(logs[1 - leader]) == 0  # the other one stands by
        stop(processes[leader])
        wait_until(lambda: runs(logs[1 - leader]) >= 1, "the standby took over and caught up")
    finally:
        for process in processes:
            stop(process)
    assert f"run of 2023-09-05: sent={len(AGENCIES)} " in logs[leader].read_text()
    assert "run of 2023-09-05: sent=0 failed=0" in logs[1 - leader].read_text()
    received = sorted(r for m in mail_server.received for r in m.recipients)
    assert received == sorted(f"vanphong@{code.lower()}.gov.vn" for code in AGENCIES)


def test_without_smtp_settings_the_server_runs_and_says_reminders_are_off(
    tmp_path: Path, mail_server: MailServer
) -> None:
    unset = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_SMTP")}
    cases = [
        (unset, [], "tắt vì chưa đặt PLANNER_SMTP_HOST"),
        ({**os.environ, **mail_server.env()}, ["--no-scheduler"], "tắt (--no-scheduler"),
        ({**os.environ, **mail_server.env(), "PLANNER_SCHEDULER": "off"}, [], "tắt (--no-sch"),
    ]
    for number, (env, options, said) in enumerate(cases):
        log, port = tmp_path / f"serve-{number}.log", free_port()
        database_url = f"sqlite:///{tmp_path / f'planner-{number}.db'}"
        process = PythonProcess(
            "planner.bootstrap.command_line",
            ["serve", "--port", str(port), *options],
            {**env, "PLANNER_DATABASE_URL": database_url},
            log,
        )
        try:
            wait_until_up(Server(f"http://127.0.0.1:{port}", database_url, tmp_path), process)
        finally:
            stop(process)
        assert said in log.read_text()
