"""Agencies report on their own tasks through the API; strangers and stale edits are refused."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tests.web.server import Server
from tests.web.test_page_forms import signed_in


def task_named(server: Server, reference: str) -> dict[str, Any]:
    with server.client() as client:
        tasks = client.get("/api/tasks", headers=server.headers("chuyen-vien.snv")).json()["tasks"]
    return next(t for t in tasks if t["reference"] == reference)


def test_an_agency_uploads_evidence_and_completes_its_task(server: Server) -> None:
    task = task_named(server, "PL2 VII.5")  # Sở TT&TT leads, Văn phòng UBND tỉnh coordinates
    stttt = server.headers("can-bo.stttt")
    with server.client() as client:
        uploaded = client.post(
            "/api/files",
            files={
                "file": ("bao-cao-paygov.pdf", b"%PDF-1.4 bao cao loi Paygov", "application/pdf")
            },
            headers=stttt,
        )
        assert uploaded.status_code == 201, uploaded.text
        reference = uploaded.json()["file"]
        assert (
            reference.endswith(".pdf") and (server.files_dir / reference[:2] / reference).is_file()
        )

        done = client.post(
            f"/api/tasks/{task['task_id']}/complete",
            json={
                "note": "Đã khắc phục lỗi thanh toán trực tuyến",
                "evidence": [
                    {"name": "Báo cáo khắc phục lỗi Paygov", "file": reference},
                    {"name": "Thông báo trên Cổng", "link": "https://stttt.backan.gov.vn/tb"},
                ],
                "expected_version": task["version"],
            },
            headers=stttt,
        )
        assert done.status_code == 200, done.text
        occurrence = done.json()["task"]["occurrences"][0]
        assert (occurrence["status"], occurrence["evidence_count"]) == ("completed", 2)

        history = client.get(f"/api/tasks/{task['task_id']}/history", headers=stttt).json()
        last = history["entries"][-1]
        assert (last["event"], last["actor_user"], last["actor_agency"]) == (
            "Completed",
            "can-bo.stttt",
            "STTTT",
        )
        assert last["details"]["evidence"][0]["file"] == reference


def test_an_agency_can_neither_see_nor_change_another_agencys_task(server: Server) -> None:
    task = task_named(server, "PL2 VI.1")  # Sở Kế hoạch và Đầu tư leads, districts coordinate
    stc = server.headers("can-bo.stc")
    with server.client() as client:
        listed = client.get("/api/tasks", headers=stc).json()["tasks"]
        assert task["task_id"] not in {t["task_id"] for t in listed}
        assert all("STC" in t["lead"] + t["coordinating"] for t in listed)

        seen = client.get(f"/api/tasks/{task['task_id']}", headers=stc)
        assert seen.status_code == 403
        assert "STC không chủ trì hay phối hợp nhiệm vụ PL2 VI.1" in seen.json()["message"]
        assert client.get(f"/api/tasks/{task['task_id']}/history", headers=stc).status_code == 403

        changed = client.post(
            f"/api/tasks/{task['task_id']}/progress", json={"percent": 90}, headers=stc
        )
        assert changed.status_code == 403
        after = client.get(
            f"/api/tasks/{task['task_id']}/history", headers=server.headers("chuyen-vien.snv")
        )
        assert [e["event"] for e in after.json()["entries"]] == [
            "Added",
            "Started",
            "ProgressReported",
        ]


def test_refusals_name_the_field_the_status_and_nothing_is_recorded(server: Server) -> None:
    task = task_named(server, "PL2 I.3")  # Văn phòng UBND tỉnh, in progress at 60 %
    office = server.headers("can-bo.vpubnd")
    url = f"/api/tasks/{task['task_id']}"
    with server.client() as client:
        too_much = client.post(f"{url}/progress", json={"percent": 140}, headers=office)
        assert too_much.status_code == 422
        assert too_much.json()["detail"][0]["loc"] == ["body", "percent"]

        bad_link = client.post(
            f"{url}/progress",
            json={"note": "x", "evidence": [{"name": "Biên bản", "link": "ftp://vp/bb.doc"}]},
            headers=office,
        )
        assert bad_link.status_code == 422
        assert bad_link.json()["detail"][0]["loc"] == ["body", "evidence", "0"]
        assert "phải bắt đầu bằng http://" in bad_link.json()["message"]

        not_uploaded = client.post(
            f"{url}/complete",
            json={"evidence": [{"name": "Tệp", "file": "a" * 64}]},
            headers=office,
        )
        assert not_uploaded.status_code == 422
        assert not_uploaded.json()["detail"][0]["loc"] == ["body", "evidence", "0", "file"]

        start_again = client.post(f"{url}/start", json={}, headers=office)
        assert start_again.status_code == 422
        assert (
            "đang ở trạng thái 'Đang thực hiện', không thể bắt đầu" in start_again.json()["message"]
        )

        first = client.post(
            f"{url}/progress",
            json={"percent": 70, "expected_version": task["version"]},
            headers=office,
        )
        assert first.status_code == 200
        stale = client.post(
            f"{url}/progress",
            json={"percent": 75, "expected_version": task["version"]},
            headers=office,
        )
        assert stale.status_code == 409
        assert "hãy tải lại" in stale.json()["message"]

        unknown = client.get("/api/tasks/00000000-0000-0000-0000-000000000000", headers=office)
        assert unknown.status_code == 404
        shown = client.get(url, headers=office).json()["task"]
        assert (shown["version"], shown["occurrences"][0]["percent"]) == (task["version"] + 1, 70)


ENGLISH = ("Input should", "Field required", "Value error", "String should", "Extra inputs")


def test_refusals_of_the_api_are_worded_in_vietnamese_only(server: Server) -> None:
    task = task_named(server, "PL2 I.3")
    office = server.headers("can-bo.vpubnd")
    url = f"/api/tasks/{task['task_id']}"
    with server.client() as client:
        answers = {
            "percent": client.post(f"{url}/progress", json={"percent": 140}, headers=office),
            "missing": client.post(f"{url}/block", json={}, headers=office),
            "extra": client.post(f"{url}/start", json={"lý do": "x"}, headers=office),
            "date": client.get("/api/overdue", params={"on": "2023-13-45"}, headers=office),
            "uuid": client.get("/api/tasks/abc", headers=office),
            "control": client.post(f"{url}/progress", json={"note": "a\x00b"}, headers=office),
        }
        nowhere = client.get("/api/khong-co", headers=office)
        forbidden = client.get("/api/reminders/preview", headers=office)
    for name, answer in answers.items():
        assert answer.status_code == 422, name
        refusal = answer.json()
        texts = [refusal["message"], *(d["msg"] for d in refusal["detail"])]
        assert not any(word in text for word in ENGLISH for text in texts), (name, texts)
    assert "body.percent: phải không quá 100" in answers["percent"].json()["message"]
    assert "thiếu trường bắt buộc" in answers["missing"].json()["message"]
    assert "query.on: cần một ngày dạng yyyy-mm-dd" in answers["date"].json()["message"]
    assert "có ký tự không hợp lệ (U+0000)" in answers["control"].json()["message"]
    assert nowhere.json()["message"] == "không có địa chỉ API này"
    assert forbidden.status_code == 403 and "trang" not in forbidden.json()["message"]


def test_sở_nội_vụ_watches_overdue_progress_and_scores_as_the_cli_shows_them(
    server: Server,
) -> None:
    monitor = server.headers("chuyen-vien.snv")
    with server.client() as client:
        plan = client.get("/api/plans", headers=monitor).json()["plans"][0]
        overdue = client.get(
            "/api/overdue", params={"on": "2023-10-02", "plan_id": plan["plan_id"]}, headers=monitor
        ).json()
        assert (overdue["on"], overdue["plan"]) == ("2023-10-02", "365/KH-UBND")
        assert [(i["reference"], i["days_late"]) for i in overdue["items"]] == [("PL2 III.2", 2)]

        progress = client.get("/api/progress", params={"on": "2023-11-25"}, headers=monitor).json()
        finance = next(a for a in progress["agencies"] if a["agency"] == "STC")
        assert finance["percent_complete"] == "50.0"

        scores = client.get("/api/scores", params={"plan_id": plan["plan_id"]}, headers=monitor)
        papi = next(
            line for line in scores.json()["lines"] if line["index"] == "PAPI" and not line["code"]
        )
        assert (papi["last_year_points"], papi["target_value"]) == ("42.41", "58.57")

        office = server.headers("can-bo.vpubnd")
        own = client.get("/api/overdue", params={"on": "2023-10-02"}, headers=office).json()
        assert {i["reference"] for i in own["items"]} == {"PL2 III.2"}
        others = client.get(
            "/api/overdue", params={"on": "2023-10-02", "agency": "SKHDT"}, headers=office
        ).json()
        assert all("VPUBND" in i["responsible"] for i in others["items"])


def test_an_unknown_agency_in_a_filter_is_refused_with_the_closest_known_codes(
    server: Server,
) -> None:
    monitor = server.headers("chuyen-vien.snv")
    with server.client() as client:
        overdue = client.get("/api/overdue", params={"agency": "SNVV"}, headers=monitor)
        tasks = client.get("/api/tasks", params={"agency": "SNVV"}, headers=monitor)
        known = client.get("/api/tasks", params={"agency": "stc"}, headers=monitor)
    for answer in (overdue, tasks):
        assert answer.status_code == 422, answer.text
        refusal = answer.json()
        assert refusal["message"] == "không có cơ quan 'SNVV' trong danh mục (có phải: SNV, SNGV?)"
        assert refusal["detail"][0]["loc"] == ["query", "agency"]
    assert known.status_code == 200 and known.json()["tasks"]


def test_two_people_saving_the_same_version_at_once_one_is_told_to_reload(
    server: Server,
) -> None:
    task = task_named(server, "PL2 II.4")  # Sở Tư pháp leads; Sở Nội vụ may act on any task
    monitor = server.headers("chuyen-vien.snv")
    url = f"/api/tasks/{task['task_id']}/progress"
    barrier = threading.Barrier(2)

    def report(percent: int) -> int:
        with server.client() as client:
            barrier.wait()
            body = {"percent": percent, "expected_version": task["version"]}
            return client.post(url, json=body, headers=monitor).status_code

    with ThreadPoolExecutor(max_workers=2) as pool:
        statuses = sorted(pool.map(report, [80, 85]))
    assert statuses == [200, 409]
    with server.client() as client:
        shown = client.get(f"/api/tasks/{task['task_id']}", headers=monitor).json()["task"]
    assert shown["version"] == task["version"] + 1
    assert shown["occurrences"][0]["percent"] in (80, 85)


def test_a_past_day_reads_alike_in_the_api_the_dashboard_and_the_report_in_each_reading(
    server: Server,
) -> None:
    """Sở Nội vụ records today that III.2 was done on 24/11/2023; 25/11 reads two ways."""
    monitor = server.headers("chuyen-vien.snv")
    late = task_named(server, "PL2 III.2")
    pages, _ = signed_in(server, "chuyen-vien.snv")
    with server.client() as client:
        plan = client.get("/api/plans", headers=monitor).json()["plans"][0]
        done = client.post(
            f"/api/tasks/{late['task_id']}/complete",
            json={
                "note": "Quyết định công bố TTHC đã ký",
                "effective_on": "2023-11-24",
                "backdated_because": "Quyết định ký ngày 24/11/2023, văn thư chuyển muộn",
            },
            headers=monitor,
        )
        assert done.status_code == 200, done.text
        assert done.json()["task"]["occurrences"][0]["completed_on"] == "2023-11-24"

        seen = {}
        for basis in ("current", "recorded"):
            params = {"on": "2023-11-25", "plan_id": plan["plan_id"], "basis": basis}
            progress = client.get("/api/progress", params=params, headers=monitor).json()
            overdue = client.get("/api/overdue", params=params, headers=monitor).json()
            office = next(a for a in progress["agencies"] if a["agency"] == "VPUBND")
            assert (progress["basis"], overdue["basis"]) == (basis, basis)
            assert office["overdue"] == overdue["count"]
            page = pages.get(
                "/dashboard",
                params={"on": "25/11/2023", "plan": plan["plan_id"], "basis": basis},
            )
            assert f'<b id="overdue-count">{overdue["count"]}</b>' in page.text
            report = client.get(
                f"/api/plans/{plan['plan_id']}/reports/2023",
                params={"format": "csv", "on": "2023-11-25", "basis": basis},
                headers=monitor,
            )
            assert report.status_code == 200, report.text
            seen[basis] = (overdue["count"], report.content.decode("utf-8-sig"))

    assert seen["current"][0] == seen["recorded"][0] - 1
    assert "theo số liệu hiện nay" in seen["current"][1]
    assert "theo số liệu đã ghi nhận đến ngày 25/11/2023" in seen["recorded"][1]


def test_a_department_completes_its_own_part_of_work_every_department_leads(
    server: Server,
) -> None:
    shared = task_named(server, "PL2 VIII.2")  # led by every department and district
    finance, monitor = server.headers("can-bo.stc"), server.headers("chuyen-vien.snv")
    url = f"/api/tasks/{shared['task_id']}"
    with server.client() as client:
        done = client.post(f"{url}/complete", json={"note": "Thu ngân sách đạt"}, headers=finance)
        assert done.status_code == 200, done.text
        occurrence = done.json()["task"]["occurrences"][0]
        parts = {p["agency"]: p["status"] for p in occurrence["parts"]}
        assert (parts["STC"], parts["STP"], occurrence["status"]) == (
            "completed",
            "not_started",
            "in_progress",
        )
        others = client.post(f"{url}/start", json={"part": "STP"}, headers=finance)
        assert others.status_code == 403, others.text

        districts = [code for code in parts if code.startswith("UBND_")]
        marked = client.post(
            f"{url}/not-applicable",
            json={"bodies": districts, "reason": "Chỉ giao các sở, ban, ngành"},
            headers=monitor,
        )
        assert marked.status_code == 200, marked.text
        # Today, when both changes have taken effect.
        late = client.get(
            "/api/overdue", params={"plan_id": shared["plan_id"]}, headers=monitor
        ).json()
        item = next(i for i in late["items"] if i["reference"] == "PL2 VIII.2")
        assert item["parts"] == len(parts) - len(districts)
        assert "STC" not in item["parts_open"] and "STP" in item["parts_open"]
        mine = client.get("/api/overdue", headers=finance).json()
        assert "PL2 VIII.2" not in {i["reference"] for i in mine["items"]}
    pages, _ = signed_in(server, "can-bo.stc")
    own_list = pages.get("/my-tasks").text
    done_list = own_list[own_list.index("Đã hoàn thành hoặc đã hủy") :]
    assert "PL2 VIII.2" in done_list  # its own part is done, whatever the others' are


def test_sở_nội_vụ_gives_some_departments_a_later_day_in_one_action(server: Server) -> None:
    shared = task_named(server, "PL2 VIII.2")  # led by every department and district
    monitor = server.headers("chuyen-vien.snv")
    url = f"/api/tasks/{shared['task_id']}"
    later = "2099-12-31"
    with server.client() as client:
        refused = client.post(
            f"{url}/parts-extension",
            json={"bodies": ["STP"], "to": later, "reason": "Tự gia hạn"},
            headers=server.headers("can-bo.stttt"),
        )
        assert refused.status_code == 403, refused.text
        given = client.post(
            f"{url}/parts-extension",
            json={"bodies": ["STP", "Sở Y tế"], "to": later, "reason": "Chờ hướng dẫn của Bộ"},
            headers=monitor,
        )
        assert given.status_code == 200, given.text
        parts = {p["agency"]: p for p in given.json()["task"]["occurrences"][0]["parts"]}
        assert (parts["STP"]["due_on"], parts["SYT"]["due_on"]) == (later, later)
        assert parts["SXD"]["due_on"] == "2023-12-31"
        late = client.get(
            "/api/overdue", params={"plan_id": shared["plan_id"]}, headers=monitor
        ).json()
        item = next(i for i in late["items"] if i["reference"] == "PL2 VIII.2")
        assert {"STP", "SYT"}.isdisjoint(item["parts_open"]) and "SXD" in item["parts_open"]
    pages, token = signed_in(server, "chuyen-vien.snv")
    form = {"bodies": "STTTT", "to": "31/12/2099", "reason": "Chờ phần mềm", "csrf_token": token}
    answer = pages.post(f"/tasks/{shared['task_id']}/actions/extend_parts", data=form)
    assert answer.status_code in (200, 303), answer.text
    with server.client() as client:
        task = client.get(url, headers=monitor).json()["task"]
    parts = {p["agency"]: p for p in task["occurrences"][0]["parts"]}
    assert parts["STTTT"]["due_on"] == later
    page = pages.get(f"/tasks/{shared['task_id']}").text
    assert "STTTT: đến 31/12/2099" in page and "(gia hạn)" in page


def test_a_coordinating_body_sends_its_input_and_the_lead_sees_it(server: Server) -> None:
    task = task_named(server, "PL2 III.1")  # the office leads, every department coordinates
    finance, monitor = server.headers("can-bo.stc"), server.headers("chuyen-vien.snv")
    url = f"/api/tasks/{task['task_id']}"
    with server.client() as client:
        sent = client.post(
            f"{url}/input", json={"note": "Góp ý dự thảo quy trình Paygov"}, headers=finance
        )
        assert sent.status_code == 200, sent.text
        owed = {
            i["agency"]: i for i in client.get(f"{url}/inputs", headers=finance).json()["inputs"]
        }
        # Sent today, after its own deadline in December 2023; the others have sent nothing.
        assert (owed["STC"]["state"], owed["SXD"]["state"]) == ("sent_late", "missing")
        office = server.headers("can-bo.vpubnd")
        refused = client.post(f"{url}/input", json={"note": "x"}, headers=office)
        assert refused.status_code == 403, refused.text  # the lead does not coordinate itself
        counts = client.get("/api/inputs", headers=monitor).json()["agencies"]
        assert any(c["agency"] == "STC" and c["sent_late"] == 1 for c in counts)
    pages, _ = signed_in(server, "can-bo.vpubnd")
    page = pages.get(f"/tasks/{task['task_id']}").text
    assert "Ý kiến, số liệu của cơ quan phối hợp" in page and "Góp ý dự thảo quy trình" in page
