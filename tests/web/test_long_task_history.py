"""A task reported on week after week for years: its page shows the newest changes and pages
back through the older ones, and documents attached long ago are still listed."""

from __future__ import annotations

import re

from tests.web.server import Server
from tests.web.test_page_forms import signed_in

REPORTS = 60


def history_rows(page: str) -> list[int]:
    """The versions in the page's history table, in the order shown."""
    table = page[page.index('<section id="history">') :]
    return [int(v) for v in re.findall(r'<td data-value="(\d+)">\1</td>', table)]


def test_a_long_history_is_shown_a_page_at_a_time_with_every_document_kept(
    server: Server,
) -> None:
    staff = server.headers("can-bo.vpubnd")
    with server.client() as api:
        tasks = api.get("/api/tasks", headers=staff).json()["tasks"]
        task = next(t for t in tasks if t["reference"] == "PL2 III.1")
        link = {"name": "Báo cáo quý I", "link": "https://vpubnd.backan.gov.vn/bao-cao-quy-1"}
        first = {"note": "Đã gửi báo cáo quý I", "evidence": [link]}
        assert api.post(f"/api/tasks/{task['task_id']}/progress", json=first, headers=staff)
        for week in range(REPORTS):
            report = {"percent": week % 90, "note": f"Tuần {week + 1}: đang thực hiện"}
            answer = api.post(f"/api/tasks/{task['task_id']}/progress", json=report, headers=staff)
            assert answer.status_code == 200, answer.text
        total = api.get(f"/api/tasks/{task['task_id']}", headers=staff).json()["task"]["version"]

    browser, _ = signed_in(server, "can-bo.vpubnd")
    try:
        newest = browser.get(f"/tasks/{task['task_id']}").text
        shown = history_rows(newest)
        assert shown == list(range(total, total - 50, -1))
        assert f"50 / {total} thay đổi" in newest
        assert "Báo cáo quý I" in newest  # attached some 60 changes ago
        older = re.search(r'href="(/tasks/[^"]+\?before=(\d+))#history">Cũ hơn', newest)
        assert older is not None and int(older.group(2)) == total - 49

        rest = browser.get(older.group(1)).text
        assert history_rows(rest) == list(range(total - 50, 0, -1))
        assert "Cũ hơn" not in rest and ">Mới nhất<" in rest
        assert "Báo cáo quý I" in rest
    finally:
        browser.close()
