"""Sở Nội vụ imports a province's published plan over the web: dry run, preview, confirm.

The seed is Hà Nam's plan 1800 (the server holds Bắc Kạn's sample): a plan the store does not
have, whose agency names partly differ from the registry, so the preview has warnings.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from tests.command_line import run_planner
from tests.web.server import Server
from tests.web.test_page_forms import alert, signed_in

SEEDS = Path(__file__).resolve().parents[2] / "src" / "planner" / "demo" / "seeds"
SEED = SEEDS / "ha-nam-2019-plan-1800.txt"
PLAN = "1800/KH-UBND"


def cli_import(server: Server, path: Path, *options: str) -> dict[str, Any]:
    """What `planner import PATH --dry-run --json` prints for the server's own store."""
    done = run_planner(server.database_url, "import", str(path), "--dry-run", "--json", *options)
    found: dict[str, Any] = done.json()
    return found


STATUS_REPORTS = Path(__file__).parents[1] / "importing" / "status_reports"


def upload(
    server: Server, username: str, name: str, data: bytes, dry_run: bool, **fields: str
) -> Any:
    with server.client() as client:
        return client.post(
            "/api/imports",
            headers=server.headers(username),
            files={"file": (name, data)},
            data={"dry_run": "true" if dry_run else "false", **fields},
        )


def plan_numbers(server: Server) -> list[str]:
    with server.client() as client:
        plans = client.get("/api/plans", headers=server.headers("chuyen-vien.snv")).json()
    return [p["number"] for p in plans["plans"]]


def random_workbook() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "Danh sách cán bộ"
    workbook.active["B3"] = 42
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def broken_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body>")
    return out.getvalue()


JUNK = [
    ("ke-hoach.txt", b"", "trống: không có gì để nhập"),
    ("ke-hoach.txt", bytes(range(256)) * 4, "không phải văn bản (có byte nhị phân)"),
    ("danh-sach.xlsx", random_workbook(), "tệp này không phải là kế hoạch"),
    ("ke-hoach.docx", broken_docx(), "không đọc được như văn bản .docx"),
    ("ke-hoach.docx", b"PK\x03\x04 not a zip", "hỏng: không mở được như .docx hay .xlsx"),
]


def test_a_dry_run_reports_what_the_command_line_reports_and_stores_nothing(
    server: Server,
) -> None:
    answer = upload(server, "chuyen-vien.snv", SEED.name, SEED.read_bytes(), dry_run=True)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert re.fullmatch(r"[A-Za-z0-9_\-]{32}", body.pop("import_id"))
    assert body == cli_import(server, SEED)
    assert body["counts"]["tasks"] == 81 and body["document"]["number"] == PLAN
    assert body["warnings"] and body["stored"]["added"]["task"] == 81
    assert PLAN not in plan_numbers(server)


def test_sở_nội_vụ_confirms_and_the_plan_page_lists_its_tasks(server: Server) -> None:
    dry = upload(server, "chuyen-vien.snv", SEED.name, SEED.read_bytes(), dry_run=True).json()
    monitor = server.headers("chuyen-vien.snv")
    with server.client() as client:
        confirm = f"/api/imports/{dry['import_id']}/confirm"
        stored = client.post(confirm, headers=monitor)
        assert stored.status_code == 201, stored.text
        assert stored.json()["stored"]["added"] == dry["stored"]["added"]
        again = client.post(confirm, headers=monitor)
        assert again.status_code == 404 and "hãy tải tệp lên lại" in again.json()["message"]

        plans = client.get("/api/plans", headers=monitor).json()["plans"]
        plan = next(p for p in plans if p["number"] == PLAN)
        tasks = client.get(f"/api/tasks?plan_id={plan['plan_id']}", headers=monitor).json()
        assert len(tasks["tasks"]) == 81
        history = client.get(f"/api/history/{tasks['tasks'][0]['task_id']}", headers=monitor)
        assert history.json()["entries"][0]["actor_user"] == "chuyen-vien.snv"

    browser, _ = signed_in(server, "chuyen-vien.snv")
    with closing(browser):
        page = browser.get(f"/plans/{plan['plan_id']}").text
    for task in tasks["tasks"][:5]:
        assert f'href="/tasks/{task["task_id"]}"' in page

    reimported = upload(server, "chuyen-vien.snv", SEED.name, SEED.read_bytes(), dry_run=False)
    assert reimported.status_code == 201
    assert reimported.json()["stored"]["events"] == 0
    assert sum(reimported.json()["stored"]["unchanged"].values()) > 0


def test_the_year_sở_nội_vụ_gives_holds_from_preview_to_confirmation(server: Server) -> None:
    """Hà Nam's programme runs 2013-2020; Sở Nội vụ files it under 2016, as `--year` does."""
    programme = SEEDS / "ha-nam-2013-2020-par-programme-772.txt"
    dry = upload(
        server, "chuyen-vien.snv", programme.name, programme.read_bytes(), True, year="2016"
    ).json()
    assert dry["document"]["year"] == 2016
    assert {**dry, "import_id": None} == {
        **cli_import(server, programme, "--year", "2016"),
        "import_id": None,
    }
    monitor = server.headers("chuyen-vien.snv")
    with server.client() as client:
        stored = client.post(f"/api/imports/{dry['import_id']}/confirm", headers=monitor)
        assert stored.status_code == 201, stored.text
        plans = client.get("/api/plans", headers=monitor).json()["plans"]
    assert next(p for p in plans if p["number"] == dry["document"]["number"])["year"] == 2016


def test_a_year_that_is_not_a_year_is_refused_on_the_page(server: Server) -> None:
    client, token = signed_in(server, "chuyen-vien.snv")
    with closing(client):
        preview = client.post(
            "/imports",
            data={"csrf_token": token, "year": "20a6"},
            files={"document": (SEED.name, SEED.read_bytes())},
        )
    assert preview.status_code == 422
    assert "Năm của kế hoạch: &#39;20a6&#39; không phải một năm" in preview.text


def test_importing_the_same_document_again_on_the_page_says_nothing_changes(
    server: Server,
) -> None:
    upload(server, "chuyen-vien.snv", SEED.name, SEED.read_bytes(), dry_run=False)
    client, token = signed_in(server, "chuyen-vien.snv")
    with closing(client):
        form = {"csrf_token": token}
        preview = client.post(
            "/imports", data=form, files={"document": (SEED.name, SEED.read_bytes())}
        )
        assert preview.status_code == 200
        assert "Không có thay đổi" in preview.text and 'id="warnings"' in preview.text
        # Collective wording counts under its group, named as people write it.
        assert 'UBND cấp huyện <span class="muted">UBND_CAP_HUYEN</span>' in preview.text
        action = re.search(r'action="(/imports/[A-Za-z0-9_\-]{32}/confirm)"', preview.text)
        assert action is not None
        done = client.post(action.group(1), data=form)
        assert done.status_code == 200
        assert "<b>Không có thay đổi</b>: văn bản này đã được nhập" in done.text


def test_only_sở_nội_vụ_sees_the_import_page_administrators_and_agencies_do_not(
    server: Server,
) -> None:
    client, _ = signed_in(server, "chuyen-vien.snv")
    with closing(client):
        assert 'href="/imports">Nhập kế hoạch</a>' in client.get("/plans").text
    admin, _ = signed_in(server, "quan-tri")
    with closing(admin):
        assert "Nhập kế hoạch" not in admin.get("/plans").text
        assert admin.get("/imports").status_code == 403


def test_an_agency_may_not_import(server: Server) -> None:
    answer = upload(server, "can-bo.stc", SEED.name, SEED.read_bytes(), dry_run=True)
    assert answer.status_code == 403
    assert "chỉ chuyên viên Sở Nội vụ" in answer.json()["message"]
    client, token = signed_in(server, "can-bo.stc")
    with closing(client):
        assert client.get("/imports").status_code == 403
        files = {"document": (SEED.name, SEED.read_bytes())}
        posted = client.post("/imports", data={"csrf_token": token}, files=files)
        assert posted.status_code == 403


@pytest.mark.parametrize(("name", "data", "message"), JUNK)
def test_a_broken_file_is_refused_with_a_message_and_nothing_stored(
    server: Server, name: str, data: bytes, message: str
) -> None:
    before = plan_numbers(server)
    answer = upload(server, "chuyen-vien.snv", name, data, dry_run=False)
    assert answer.status_code == 422, answer.text
    assert message in answer.json()["message"]
    assert answer.json()["detail"][0]["loc"] == ["body", "file"]

    client, token = signed_in(server, "chuyen-vien.snv")
    with closing(client):
        page = client.post("/imports", data={"csrf_token": token}, files={"document": (name, data)})
    assert page.status_code == 422
    assert message in page.text and 'role="alert"' in page.text
    assert plan_numbers(server) == before


def test_a_file_larger_than_uploads_may_be_is_refused(server: Server) -> None:
    huge = b"KE HOACH\n" * (21 * 1024 * 1024 // 9 + 1)  # over the 20 MB evidence limit
    answer = upload(server, "chuyen-vien.snv", "ke-hoach.txt", huge, dry_run=True)
    assert answer.status_code == 422
    assert answer.json()["message"] == "tệp 'ke-hoach.txt' lớn hơn 20 MB"


def test_an_upload_is_confirmed_only_by_its_own_token(server: Server) -> None:
    monitor = server.headers("chuyen-vien.snv")
    with server.client() as client:
        unknown = client.post(f"/api/imports/{'A' * 32}/confirm", headers=monitor)
        assert unknown.status_code == 404
        path_like = client.post("/api/imports/..%2F..%2Fplanner.db/confirm", headers=monitor)
        assert path_like.status_code in (404, 422)
    page, _token = signed_in(server, "chuyen-vien.snv")
    with closing(page):
        forged = page.post(
            "/imports", data={"csrf_token": "x" * 43}, files={"document": ("a.txt", b"x")}
        )
    assert forged.status_code == 403 and "hãy tải lại trang" in alert(forged)


TO_CORRECT = (
    Path(__file__).resolve().parents[1] / "importing/to_correct/gia-lai-2024-to-correct.txt"
)


def test_a_program_sends_its_corrections_with_the_upload(server: Server) -> None:
    data = TO_CORRECT.read_bytes()
    fixes = {"number": "45/KH-UBND", "rows": [{"table": 1, "source": "dòng 12", "role": "task"}]}
    answer = upload(
        server, "chuyen-vien.snv", TO_CORRECT.name, data, True, corrections=json.dumps(fixes)
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["document"]["number"] == "45/KH-UBND"
    assert body["corrections"]["rows"][0]["role"] == "task"
    assert "PL I.2b" in [t["reference"] for t in body["preview"]["tasks"]]

    wrong = upload(server, "chuyen-vien.snv", TO_CORRECT.name, data, True, corrections="{so: 45")
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "corrections"]


def test_sở_nội_vụ_uploads_a_status_report_and_an_agency_may_not(server: Server) -> None:
    report = STATUS_REPORTS / "bac-kan-2023-q3-status.txt"
    monitor = server.headers("chuyen-vien.snv")
    with server.client() as client:
        plans = client.get("/api/plans", headers=monitor).json()["plans"]
        plan = next(p for p in plans if p["number"] == "365/KH-UBND")
        url = f"/api/plans/{plan['plan_id']}/status-reports"
        files = {"file": (report.name, report.read_bytes())}
        refused = client.post(url, files=files, headers=server.headers("can-bo.stc"))
        assert refused.status_code == 403, refused.text
        done = client.post(url, files=files, headers=monitor)
    assert done.status_code == 200, done.text
    answer = done.json()
    assert answer["plan"] == "365/KH-UBND" and answer["dry_run"] is False
    assert any("PL2 I.2" in line for line in answer["recorded"])  # 60 % as of 30/09/2023
    assert any("III.9" in finding for finding in answer["findings"])
