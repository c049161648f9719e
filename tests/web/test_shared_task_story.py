"""A task every department leads, in the browser and the API: each answers for its own part,
Sở Nội vụ sees who is behind, sets one part aside, reminds the others, and the quarterly
report and the e-mails name the same bodies."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from planner.demo.loader import demo_email
from planner.reports.periods import ReportPeriod
from tests.reminders.mail_server import MailServer
from tests.seeded_stores import SeededStores
from tests.web.browser import sign_in
from tests.web.conftest import serving
from tests.web.server import Server

DONE = ("STC", "STTTT")  # complete their parts
REPORTING = "VPUBND"  # reports 40 %
SET_ASIDE = "SXD"  # has nothing to check: Sở Nội vụ marks its part not applicable


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def mailed(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    seeded_stores: SeededStores,
) -> Iterator[tuple[Server, MailServer]]:
    """A server that sends through a real SMTP server; its scheduler stays off, so only the
    reminders asked for now are sent."""
    mail = MailServer()
    mail.start()
    env = {**mail.env(), "PLANNER_SCHEDULER": "off"}
    try:
        with serving(request, tmp_path_factory, seeded_stores, env) as server:
            yield server, mail
    finally:
        mail.stop()


def test_each_department_answers_for_its_part_and_the_report_and_e_mails_agree(
    mailed: tuple[Server, MailServer], browser: Browser
) -> None:
    server, mail = mailed
    due = date.today() - timedelta(days=2)  # every part is late today
    with server.client() as api:
        plan, task = _a_task_every_department_leads(api, server, due)
        lead = task["lead"]
        assert len(lead) > 10 and {*DONE, REPORTING, SET_ASIDE} <= set(lead)
        before_due = {"effective_on": due.isoformat(), "backdated_because": "Báo cáo gửi sau"}
        reporter = f"can-bo.{REPORTING.lower()}"
        _post(api, server, reporter, task, "progress", percent=40, **before_due)
        for body in DONE:
            _post(api, server, f"can-bo.{body.lower()}", task, "complete", **before_due)

        progress = _get(api, server, "/api/progress", plan_id=plan)["agencies"]
        counts = {row["agency"]: row for row in progress}
        assert [counts[b]["completed"] for b in DONE] == [1, 1]
        assert (counts[REPORTING]["in_progress"], counts[REPORTING]["overdue"]) == (1, 1)
        assert (counts["STP"]["not_started"], counts["STP"]["overdue"]) == (1, 1)

    page = _signed_in(browser, server, "/dashboard")
    late = page.locator("#overdue tr", has_text="PL2 IX.9")
    expect(late).to_contain_text(f"{len(lead) - 2}/{len(lead)} chưa xong")

    page.goto(f"{server.url}/tasks/{task['task_id']}")
    parts = page.locator("table[data-occurrence]")
    expect(parts.locator("caption")).to_contain_text(f"2/{len(lead)} cơ quan đã xong")
    parts.get_by_role("columnheader", name="Tiến độ").click()
    parts.get_by_role("columnheader", name="Tiến độ").click()  # most advanced first
    expect(parts.locator("tbody tr").nth(0)).to_contain_text("100%")
    expect(parts.locator("tbody tr").nth(2)).to_contain_text("Văn phòng UBND tỉnh")
    page.get_by_label("Chỉ hiện cơ quan chưa xong").check()
    expect(parts.locator("tr", has_text="Sở Tài chính")).to_be_hidden()
    expect(parts.locator("tr", has_text="Sở Tư pháp")).to_be_visible()

    _set_aside(page, "Sở Xây dựng")
    expect(page.locator("[role=status]")).to_contain_text("Phần việc không áp dụng")
    expect(parts.locator("caption")).to_contain_text(f"2/{len(lead) - 1} cơ quan đã xong")
    expect(parts.locator("tr", has_text="Sở Xây dựng")).to_contain_text("Không áp dụng")
    page.context.close()

    behind = set(lead) - {*DONE, SET_ASIDE}
    with server.client() as api:
        reminded = _post(api, server, "chuyen-vien.snv", task, "remind-late")
        report = _report_rows(api, server, plan, due)
        names = {a["code"]: a["name"] for a in _get(api, server, "/api/agencies")["agencies"]}
    assert set(reminded["sent"]) == behind
    assert reminded["failed"] == {}
    received = {r for m in mail.received for r in m.recipients}
    assert received == {demo_email(code) for code in behind}
    assert all("PL2 IX.9" in m.part("plain") for m in mail.received)
    (row,) = [r for r in report if "PL2 IX.9" in r]
    assert set(row[-1].split("; ")) == {names[code] for code in behind}


def _a_task_every_department_leads(
    api: httpx.Client, server: Server, due: date
) -> tuple[str, dict[str, Any]]:
    monitor = server.headers("chuyen-vien.snv")
    plan = api.post(
        "/api/plans",
        json={
            "number": "99/KH-UBND",
            "title": "Kế hoạch tự kiểm tra công tác cải cách hành chính",
            "province": "Bắc Kạn",
            "year": due.year,
            "indices": ["PAR_INDEX"],
            "issued_on": date(due.year, 1, 1).isoformat(),
        },
        headers=monitor,
    )
    assert plan.status_code == 201, plan.text
    plan_id = plan.json()["plan"]["plan_id"]
    task = api.post(
        "/api/tasks",
        json={
            "plan_id": plan_id,
            "reference": "PL2 IX.9",
            "text": "Tự kiểm tra công tác cải cách hành chính tại cơ quan, đơn vị",
            "lead": ["Các sở, ban, ngành"],
            "schedule": f"Trước ngày {due:%d/%m/%Y}",
            "effective_on": date(due.year, 1, 1).isoformat(),
        },
        headers=monitor,
    )
    assert task.status_code == 201, task.text
    found: dict[str, Any] = task.json()["task"]
    return plan_id, found


def _post(
    api: httpx.Client, server: Server, user: str, task: dict[str, Any], action: str, **body: Any
) -> dict[str, Any]:
    answer = api.post(
        f"/api/tasks/{task['task_id']}/{action}", json=body, headers=server.headers(user)
    )
    assert answer.status_code == 200, answer.text
    found: dict[str, Any] = answer.json()
    return found


def _get(api: httpx.Client, server: Server, path: str, **query: Any) -> dict[str, Any]:
    answer = api.get(path, params=query, headers=server.headers("chuyen-vien.snv"))
    assert answer.status_code == 200, answer.text
    found: dict[str, Any] = answer.json()
    return found


def _report_rows(api: httpx.Client, server: Server, plan: str, due: date) -> list[list[str]]:
    """The quarterly report of the quarter the task was due in, as of today, as CSV rows."""
    period = ReportPeriod(due.year, (due.month - 1) // 3 + 1)
    answer = api.get(
        f"/api/plans/{plan}/reports/{period.key}",
        params={"format": "csv"},
        headers=server.headers("chuyen-vien.snv"),
    )
    assert answer.status_code == 200, answer.text
    return list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))


def _signed_in(browser: Browser, server: Server, path: str) -> Page:
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.goto(f"{server.url}{path}")
    sign_in(page, "chuyen-vien.snv", server.passwords["chuyen-vien.snv"])
    page.wait_for_url(f"**{path}")
    return page


def _set_aside(page: Page, body: str) -> None:
    page.locator("summary", has_text="Phần việc không áp dụng").click()
    form = page.locator("form[data-action=not_applicable]")
    form.get_by_label(body).check()
    form.get_by_label("Lý do").fill("Không có đơn vị trực thuộc phải tự kiểm tra")
    form.get_by_role("button", name="Ghi nhận").click()
