"""Sở Nội vụ checks over the API what the reminder service would send, as the CLI shows it."""

from __future__ import annotations

from datetime import date

from planner.presentation.json_document import to_json
from planner.presentation.outbox_document import outbox_json
from planner.queries.reminders import reminder_log
from tests.conftest import composed
from tests.web.server import Server

FRIDAY = date(2023, 11, 24)  # the working day before the 25/11 reporting deadline


def test_sở_nội_vụ_previews_the_reminders_of_a_day_without_sending_them(server: Server) -> None:
    with server.client() as client:
        answer = client.get(
            "/api/reminders/preview",
            params={"on": FRIDAY.isoformat()},
            headers=server.headers("chuyen-vien.snv"),
        )
    assert answer.status_code == 200, answer.text
    preview = answer.json()
    root = composed(server.database_url)
    with root.open_planner() as planner:
        service = root.reminders(planner)
        outbox = service.outbox(FRIDAY)
        expected = to_json(outbox_json(outbox, service.emails(outbox)))
        with planner.views.engine.connect() as connection:
            assert not reminder_log(connection, FRIDAY)  # a preview records nothing
    assert preview == expected
    kinds = {message["kind"] for message in preview["messages"]}
    # Friday: Văn phòng UBND tỉnh's digest, the weekly escalation and the annual report.
    assert kinds == {"digest", "escalation", "report"}
    (report,) = [m for m in preview["messages"] if m["kind"] == "report"]
    assert report["report"]["plan_number"] == "365/KH-UBND"


def test_an_agency_may_not_preview_the_province_s_reminders(server: Server) -> None:
    with server.client() as client:
        answer = client.get("/api/reminders/preview", headers=server.headers("can-bo.stc"))
    assert answer.status_code == 403
    assert "Sở Nội vụ" in answer.json()["message"]


def test_sở_nội_vụ_records_a_province_day_off_over_the_api_and_reads_its_history(
    server: Server,
) -> None:
    day = {"day": "2023-11-24", "reason": "Ngày hội văn hoá tỉnh (QĐ 88/QĐ-UBND)"}
    with server.client() as client:
        refused = client.post(
            "/api/calendar/days-off", json=day, headers=server.headers("can-bo.stc")
        )
        assert refused.status_code == 403
        added = client.post(
            "/api/calendar/days-off", json=day, headers=server.headers("chuyen-vien.snv")
        )
        assert added.status_code == 201, added.text
        assert added.json()["days_off"] == [day]
        history = client.get("/api/calendar/history", headers=server.headers("can-bo.stc"))
        preview = client.get(
            "/api/reminders/preview",
            params={"on": FRIDAY.isoformat()},
            headers=server.headers("chuyen-vien.snv"),
        )
        client.post(
            "/api/calendar/withdrawn",
            json={"day": "2023-11-24", "reason": "nhập thử"},
            headers=server.headers("chuyen-vien.snv"),
        )
    entry = history.json()["entries"][-1]
    assert (entry["event"], entry["actor_user"], entry["details"]) == (
        "DayOffAdded",
        "chuyen-vien.snv",
        {"day": "2023-11-24", "reason": "Ngày hội văn hoá tỉnh (QĐ 88/QĐ-UBND)"},
    )
    # Nothing goes out on the province's day off.
    assert preview.json()["messages"] == []


def test_days_far_outside_this_century_are_refused_not_computed(server: Server) -> None:
    monitor = server.headers("chuyen-vien.snv")
    with server.client() as client:
        answers = [
            client.get("/api/reminders/preview", params={"on": "9999-12-31"}, headers=monitor),
            client.get("/api/reminders/preview", params={"on": "5555-05-05"}, headers=monitor),
            client.get("/api/overdue", params={"on": "0001-01-01"}, headers=monitor),
            client.post(
                "/api/calendar/days-off",
                json={"day": "2999-01-01", "reason": "thử"},
                headers=monitor,
            ),
        ]
        fine = client.get("/api/reminders/preview", params={"on": "2100-12-31"}, headers=monitor)
    for answer in answers:
        assert answer.status_code == 422, answer.text
        assert "nằm ngoài khoảng planner nhận (01/01/2000 – 31/12/2100)" in answer.json()["message"]
    assert fine.status_code == 200
