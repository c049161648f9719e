"""`planner reminders preview|run` and `planner scheduler`, run as Sở Nội vụ's staff run them."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

from sqlalchemy import column, select, table

from notifications.scheduler import DAILY_JOB, JOBS_TABLE, RETRY_JOB
from planner.storage.database import Database
from tests.command_line import Ran, run_planner
from tests.python_processes import PythonProcess
from tests.reminders.mail_server import MailServer
from tests.reminders.waiting import wait_until

# The demo's departments, each coordinating PL2 III.2 (due 30/09/2023).
DEPARTMENTS = (
    *("BDT", "SCT", "SGDDT", "SGTVT", "SKHCN", "SKHDT", "SLDTBXH", "SNGV", "SNNPTNT"),
    *("SNV", "STC", "STNMT", "STP", "STTTT", "SVHTTDL", "SXD", "SYT", "TTT"),
)


def planner(
    database_url: str, *args: str, env: dict[str, str] | None = None, ok: bool = True
) -> Ran:
    return run_planner(database_url, *args, env=env, ok=ok)


def demo_with_emails(database_url: str) -> None:
    planner(database_url, "demo")
    planner(database_url, "agency", "email", "VPUBND", "vanphong@vpubnd.backan.gov.vn")
    planner(database_url, "agency", "email", "SNV", "cchc@snv.backan.gov.vn")


def test_preview_shows_what_would_go_out_and_run_sends_it_once(
    database_url: str, mail_server: MailServer
) -> None:
    demo_with_emails(database_url)
    preview: Any = json.loads(
        planner(database_url, "reminders", "preview", "--on", "25/09/2023", "--json").stdout
    )
    assert preview["on"] == "2023-09-25" and preview["day_off"] is None
    messages = preview["messages"]
    [digest] = [m for m in messages if m["kind"] == "digest" and m["recipient"] == "VPUBND"]
    [escalation] = [m for m in messages if m["kind"] == "escalation"]
    [report] = [m for m in messages if m["kind"] == "report"]
    # Every department coordinates III.2: its own input to the office is due today.
    inputs = [m for m in messages if m["kind"] == "digest" and m["recipient"] != "VPUBND"]
    assert len(inputs) == len(DEPARTMENTS) and all(
        m["subject"] == "Nhắc hạn: Ý kiến phối hợp PL2 III.2 đến hạn hôm nay, 25/09/2023"
        for m in inputs
    )
    assert (digest["kind"], digest["recipient"], digest["to"]) == (
        "digest",
        "VPUBND",
        ["vanphong@vpubnd.backan.gov.vn"],
    )
    assert digest["subject"] == "Nhắc hạn: PL2 III.2 đến hạn 30/09/2023 (còn 5 ngày)"
    [item] = digest["items"]
    assert (item["reference"], item["due_on"], item["days"], item["offset"]) == (
        "PL2 III.2",
        "2023-09-30",
        -5,
        -7,
    )
    assert escalation["kind"] == "escalation" and escalation["week"] == "2023-W39"
    assert escalation["without_email"] == []  # every demo agency has an address
    assert report["kind"] == "report" and report["to"] == ["cchc@snv.backan.gov.vn"]
    assert (report["report"]["period"], report["report"]["due_on"]) == ("2023-Q3", "2023-09-12")
    assert mail_server.received == []  # a preview sends nothing

    sent = planner(database_url, "reminders", "run", "--on", "25/09/2023", env=mail_server.env())
    assert f"đã gửi {3 + len(DEPARTMENTS)} thư nhắc hạn" in sent.stdout
    again = planner(database_url, "reminders", "run", "--on", "25/09/2023", env=mail_server.env())
    assert "đã gửi 0 thư nhắc hạn" in again.stdout
    subjects = [m.subject for m in mail_server.received if "Ý kiến phối hợp" not in m.subject]
    assert sorted(subjects) == [
        # The quarter's report was due on 12/09 while nothing ran: it goes out late, once.
        "Báo cáo Quý III/2023 Kế hoạch số 365/KH-UBND "
        "(số liệu đến 25/09/2023, hạn báo cáo 12/09/2023)",
        "Nhiệm vụ quá hạn tuần 39/2023 (25/09/2023): không có nhiệm vụ quá hạn",
        "Nhắc hạn: PL2 III.2 đến hạn 30/09/2023 (còn 5 ngày)",
    ]
    sunday = planner(database_url, "reminders", "run", "--on", "24/09/2023", env=mail_server.env())
    assert "Ngày 24/09/2023 là ngày nghỉ (Chủ nhật): không gửi nhắc hạn" in sunday.stdout


def test_a_trial_run_of_the_demo_reminds_every_agency_with_work_due(
    database_url: str, mail_server: MailServer
) -> None:
    planner(database_url, "demo")
    sent = planner(database_url, "reminders", "run", "--on", "22/12/2023", env=mail_server.env())
    assert "đã gửi 30 thư nhắc hạn" in sent.stdout
    digests = {
        m.recipients: m.subject for m in mail_server.received if m.subject.startswith("Nhắc hạn")
    }
    assert len(digests) == 28
    # Its own part of I.1b is late; its part of two tasks and its input to a third are due.
    assert digests[("stp@bac-kan.example.invalid",)] == (
        "Nhắc hạn: PL2 I.1b quá hạn 10 ngày (hạn 12/12/2023); "
        "3 việc đến hạn từ 25/12/2023 đến 31/12/2023"
    )
    assert ("ubnd.babe@bac-kan.example.invalid",) in digests
    assert all(to.endswith("@bac-kan.example.invalid") for r in digests for to in r)
    [escalation] = [m for m in mail_server.received if m.subject.startswith("Nhiệm vụ quá hạn")]
    assert "chưa có e-mail" not in escalation.subject


def test_a_failed_send_exits_with_an_error_and_is_kept_for_retry(
    database_url: str, mail_server: MailServer
) -> None:
    demo_with_emails(database_url)
    mail_server.stop()
    failed = planner(
        database_url, "reminders", "run", "--on", "25/09/2023", env=mail_server.env(), ok=False
    )
    assert failed.returncode == 1
    assert "Chưa gửi được thư tới VPUBND: máy chủ thư 127.0.0.1" in failed.stderr
    assert "sẽ được gửi lại" in failed.stderr
    shown = planner(database_url, "reminders", "log", "--since", "25/09/2023").stdout
    assert "chưa gửi được sau 1 lần" in shown and "PL2 III.2" in shown
    logged: Any = json.loads(
        planner(database_url, "reminders", "log", "--since", "25/09/2023", "--json").stdout
    )
    assert {(r["recipient"], r["label"], r["offset"], r["state"]) for r in logged["reminders"]} == {
        ("VPUBND", "PL2 III.2", -7, "failed"),
        ("SNV", "Báo cáo nhiệm vụ quá hạn", 0, "failed"),
        ("SNV", "Báo cáo Kế hoạch số 365/KH-UBND", 0, "failed"),
        *((code, "Ý kiến phối hợp PL2 III.2", 0, "failed") for code in DEPARTMENTS),
    }
    assert all("máy chủ thư 127.0.0.1" in r["reason"] for r in logged["reminders"])
    # Without --since: the latest entries, though the run was for a day long past.
    latest = planner(database_url, "reminders", "log").stdout
    assert f"Nhắc hạn gần nhất: {3 + len(DEPARTMENTS)}" in latest and "PL2 III.2" in latest


def test_bad_mail_settings_are_refused_naming_the_variable(database_url: str) -> None:
    planner(database_url, "init")
    unset = planner(database_url, "reminders", "run", ok=False)
    assert unset.returncode == 1 and "PLANNER_SMTP_HOST" in unset.stderr
    wrong = {"PLANNER_SMTP_HOST": "127.0.0.1", "PLANNER_SMTP_SECURITY": "ssl"}
    refused = planner(database_url, "reminders", "run", env=wrong, ok=False)
    assert "PLANNER_SMTP_SECURITY: 'ssl' không hợp lệ (none, starttls hoặc tls)" in refused.stderr
    no_sender = {"PLANNER_SMTP_HOST": "127.0.0.1"}
    assert (
        "PLANNER_MAIL_FROM"
        in planner(database_url, "reminders", "run", env=no_sender, ok=False).stderr
    )
    bad_day = planner(database_url, "reminders", "preview", "--on", "31/02/2024", ok=False)
    assert "--on: ngày 31/02/2024 không tồn tại" in bad_day.stderr


def test_planner_scheduler_keeps_its_jobs_in_the_database_and_stops_on_sigterm(
    database_url: str, mail_server: MailServer, tmp_path: Path
) -> None:
    planner(database_url, "init")
    process = PythonProcess(
        "planner.bootstrap.command_line",
        ["scheduler"],
        {**os.environ, "PLANNER_DATABASE_URL": database_url, **mail_server.env()},
        tmp_path / "scheduler.log",
    )
    engine = Database.from_url(database_url).engine()
    jobs = table(JOBS_TABLE, column("id"))

    def stored() -> set[str]:
        with engine.connect() as connection:
            if not engine.dialect.has_table(connection, JOBS_TABLE):
                return set()
            return set(connection.execute(select(jobs.c.id)).scalars())

    try:
        wait_until(lambda: stored() == {DAILY_JOB, RETRY_JOB}, "the jobs are stored")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        engine.dispose()
    output = process.output()
    assert process.returncode == 0, output
    assert "Bộ lập lịch nhắc hạn: gửi lúc 08:00 mỗi ngày làm việc" in output
