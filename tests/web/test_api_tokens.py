"""Programs sign in with named tokens an administrator issues: each acts for one agency in one
role, until it expires or is revoked, and only its hash is kept."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from tests.command_line import run_planner
from tests.web.server import Server


def test_a_program_acts_for_its_agency_with_a_token_until_it_is_revoked(
    server: Server, tmp_path: Path
) -> None:
    admin = server.headers("quan-tri")
    with server.client() as client:
        issued = client.post(
            "/api/tokens",
            json={
                "name": "cong-thong-tin-tinh",
                "agency": "STC",
                "role": "agency",
                "expires_on": (date.today() + timedelta(days=90)).isoformat(),
            },
            headers=admin,
        )
        assert issued.status_code == 201, issued.text
        token = issued.json()["token"]
        assert token.startswith("planner_") and len(token) > 40
        program = {"Authorization": f"Bearer {token}"}

        me = client.get("/api/me", headers=program).json()["user"]
        assert (me["username"], me["agency"], me["role"]) == (
            "token:cong-thong-tin-tinh",
            "STC",
            "agency",
        )
        tasks = client.get("/api/tasks", headers=server.headers("chuyen-vien.snv")).json()["tasks"]
        own = next(t for t in tasks if t["reference"] == "PL2 VIII.2")
        other = next(t for t in tasks if t["reference"] == "PL2 III.2")
        report = {"percent": 85, "note": "Số liệu từ cổng thông tin"}
        done = client.post(f"/api/tasks/{own['task_id']}/progress", json=report, headers=program)
        assert done.status_code == 200, done.text
        refused = client.post(
            f"/api/tasks/{other['task_id']}/progress", json=report, headers=program
        )
        assert refused.status_code in (403, 404), refused.text

        assert client.get("/api/tokens", headers=program).status_code == 403
        listed = client.get("/api/tokens", headers=admin).json()["tokens"]
        (shown,) = [t for t in listed if t["name"] == "cong-thong-tin-tinh"]
        assert shown["revoked_at"] is None and "secret_hash" not in shown

        revoked = client.post(
            "/api/tokens/cong-thong-tin-tinh/revoke",
            json={"reason": "đổi nhà cung cấp cổng"},
            headers=admin,
        )
        assert revoked.status_code == 200, revoked.text
        assert client.get("/api/me", headers=program).status_code == 401

        expired = client.post(
            "/api/tokens",
            json={"name": "bao-cao-cu", "agency": "STC", "expires_on": "2020-01-01"},
            headers=admin,
        )
        assert expired.status_code == 422
        assert "ngày hết hạn phải sau hôm nay" in expired.json()["message"]

    exported = tmp_path / "events.jsonl"
    run_planner(server.database_url, "events", "export", str(exported))
    assert token not in exported.read_text()  # the store holds its hash only


def test_an_administrator_issues_and_revokes_a_token_from_the_accounts_page(
    server: Server,
) -> None:
    with server.client() as client:
        client.cookies.set("planner_session", server.token("quan-tri"))
        client.cookies.set("planner_csrf", "kiem-thu-form")
        form = {
            "csrf_token": "kiem-thu-form",
            "name": "cong-cu-bao-cao",
            "agency": "SNV",
            "role": "monitor",
            "expires_on": (date.today() + timedelta(days=30)).strftime("%d/%m/%Y"),
        }
        page = client.post("/admin/tokens", data=form)
        assert page.status_code == 200, page.text
        (token,) = re.findall(r'<code id="new-token">(planner_[^<]+)</code>', page.text)
        program = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/overdue", headers=program).status_code == 200

        again = client.get("/admin/users")
        assert "cong-cu-bao-cao" in again.text and token not in again.text
        revoke = {"csrf_token": "kiem-thu-form", "value": "hết dùng"}
        assert client.post("/admin/tokens/cong-cu-bao-cao/revoke", data=revoke).status_code == 303
        assert client.get("/api/overdue", headers=program).status_code == 401
