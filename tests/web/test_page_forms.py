"""Forms refused on the pages say what is wrong, in Vietnamese and naming the field; the task's
history is unchanged."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.web.server import Server


def signed_in(server: Server, username: str) -> tuple[httpx.Client, str]:
    """A browser-like client after the login form; returns it and its form token."""
    client = server.client()
    form = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert token is not None
    login = {"username": username, "password": server.passwords[username]}
    answer = client.post("/login", data={**login, "csrf_token": token.group(1)})
    assert answer.status_code == 303, answer.text
    return client, token.group(1)


def alert(page: httpx.Response) -> str:
    found = re.search(r'role="alert">([^<]*)', page.text)
    return found.group(1) if found else ""


@pytest.mark.parametrize(
    ("action", "fields", "status", "message"),
    [
        ("progress", {"percent": "abc"}, 422, "Tiến độ (%): &#39;abc&#39; không phải số"),
        ("progress", {"percent": "140"}, 422, "tiến độ phải từ 0 đến 100%, không phải 140"),
        ("progress", {"note": "a\x00b"}, 422, "trường &#39;Ghi chú&#39;: có ký tự không hợp lệ"),
        (
            "progress",
            {"note": "x", "evidence_link": "javascript:alert(1)"},
            422,
            "phải bắt đầu bằng http:// hoặc https://",
        ),
        ("block", {"reason": " "}, 422, "cần nêu lý do khi báo vướng mắc"),
        ("start", {}, 422, "đang ở trạng thái &#39;Đang thực hiện&#39;, không thể bắt đầu"),
        ("cancel", {"reason": "không cần nữa"}, 403, "chỉ Sở Nội vụ được hủy"),
        ("progress", {"percent": "90", "expected_version": "1"}, 409, "hãy tải lại"),
    ],
)
def test_a_refused_form_names_the_field_and_records_nothing(
    server: Server, action: str, fields: dict[str, str], status: int, message: str
) -> None:
    client, token = signed_in(server, "can-bo.vpubnd")
    monitor = server.headers("chuyen-vien.snv")
    tasks = client.get("/api/tasks", headers=monitor).json()["tasks"]
    task = next(t["task_id"] for t in tasks if t["reference"] == "PL2 III.1")
    before = client.get(f"/api/tasks/{task}/history", headers=monitor).json()["entries"]

    page = client.post(f"/tasks/{task}/actions/{action}", data={**fields, "csrf_token": token})
    assert page.status_code == status
    assert message in alert(page)
    after = client.get(f"/api/tasks/{task}/history", headers=monitor).json()["entries"]
    assert after == before


def test_sở_nội_vụ_moves_a_deadline_only_to_a_real_date(server: Server) -> None:
    client, token = signed_in(server, "chuyen-vien.snv")
    tasks = client.get("/api/tasks", headers=server.headers("chuyen-vien.snv")).json()["tasks"]
    task = next(t for t in tasks if t["reference"] == "PL2 IV.1")
    url = f"/tasks/{task['task_id']}/actions/deadline"
    impossible = client.post(url, data={"due_on": "31/02/2024", "reason": "x", "csrf_token": token})
    assert impossible.status_code == 422
    assert "ngày 31/02/2024 không tồn tại (tháng 2 năm 2024 có 29 ngày)" in alert(impossible)

    moved = client.post(
        url, data={"due_on": "29/02/2024", "reason": "Chờ kết quả thẩm định", "csrf_token": token}
    )
    assert moved.status_code == 303
    shown = client.get(moved.headers["location"]).text
    assert "Hạn mới 29/02/2024" in shown and "Chờ kết quả thẩm định" in shown


def test_the_dashboard_refuses_an_agency_it_does_not_know(server: Server) -> None:
    client, _ = signed_in(server, "chuyen-vien.snv")
    page = client.get("/dashboard", params={"agency": "SNVV", "on": "25/11/2023"})
    client.close()
    assert page.status_code == 422
    assert "không có cơ quan &#39;SNVV&#39; trong danh mục (có phải: SNV, SNGV?)" in page.text


def test_evidence_in_a_task_s_history_is_marked_with_a_drawn_icon_not_an_emoji(
    server: Server,
) -> None:
    office = server.headers("can-bo.vpubnd")
    client, _ = signed_in(server, "can-bo.vpubnd")
    tasks = client.get("/api/tasks", headers=office).json()["tasks"]
    task = next(t["task_id"] for t in tasks if t["reference"] == "PL2 I.3")
    evidence = [{"name": "Biên bản kiểm tra", "link": "https://vpubnd.backan.gov.vn/bb.pdf"}]
    reported = client.post(
        f"/api/tasks/{task}/progress", json={"percent": 65, "evidence": evidence}, headers=office
    )
    assert reported.status_code == 200, reported.text
    page = client.get(f"/tasks/{task}").text
    client.close()
    assert '<span class="doc"><svg class="icon"' in page and "Biên bản kiểm tra</span>" in page
    # Emoji need an emoji font, which many offices' machines lack: none on the page.
    assert not [c for c in page if ord(c) >= 0x1F000]
