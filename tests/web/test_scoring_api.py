"""PAR scoring through /api/scoring: a department scores itself, Sở Nội vụ appraises and
finalizes; refusals are 403/404/422 with the Vietnamese message naming the row."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from planner.application.clock import SystemClock, today
from planner.domain.scoring.calendar import dmy
from tests.reports.reading import workbook_sheets
from tests.web.scoring_round import (
    MONITOR,
    ROUND,
    TODAY,
    YEAR,
    all_past,
    claimed,
    full_marks,
    open_for_self_assessment,
    open_round,
    set_calendar,
)
from tests.web.server import Server
from tests.web.test_page_forms import signed_in
from tests.web.test_report_downloads import cli_report

STC = f"{ROUND}/units/STC"
STAFF = "can-bo.stc"
OTHER = "can-bo.stttt"


@pytest.fixture(scope="module")
def round_(server: Server) -> dict[str, Any]:
    return open_round(server)


def call(server: Server, user: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
    with server.client() as client:
        return client.request(method, path, headers=server.headers(user), **kwargs)


def message(answer: httpx.Response) -> str:
    found: str = answer.json()["message"]
    return found


def test_a_department_scores_itself_and_sở_nội_vụ_appraises_and_finalizes(
    server: Server, round_: dict[str, Any], tmp_path: Path
) -> None:
    with server.client() as client:
        uploaded = client.post(
            "/api/files",
            files={"file": ("Kế hoạch CCHC 2026.pdf", b"%PDF-1.4 ke hoach", "application/pdf")},
            headers=server.headers(STAFF),
        ).json()
    rows = full_marks(round_)
    rows[0] = {
        "code": rows[0]["code"],
        "points": "0,5",
        "evidence": [{"name": "Kế hoạch CCHC năm", "file": uploaded["file"]}],
    }
    draft = call(server, STAFF, "POST", f"{STC}/self-assessment", json={"entries": rows[:5]})
    assert draft.status_code == 200, draft.text
    card = draft.json()["scorecard"]
    assert card["editable"] is True
    assert (
        card["self_assessment_deadline"]
        == open_for_self_assessment(TODAY).self_assessment_closes.isoformat()
    )
    first = next(r for r in card["rows"] if r["code"] == rows[0]["code"])
    assert first["self_assessed"]["points"] == "0.5"
    assert first["self_assessed"]["evidence"][0]["file"] == uploaded["file"]

    incomplete = call(server, STAFF, "POST", f"{STC}/submit")
    assert incomplete.status_code == 422
    assert message(incomplete).startswith(f"STC: chưa tự chấm {len(rows) - 5} tiêu chí (")

    saved = call(server, STAFF, "POST", f"{STC}/self-assessment", json={"entries": rows[5:]})
    assert saved.status_code == 200, saved.text
    submitted = call(server, STAFF, "POST", f"{STC}/submit")
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["scorecard"]["submitted_at"] is not None
    late_change = call(server, STAFF, "POST", f"{STC}/self-assessment", json={"entries": rows[:1]})
    assert late_change.status_code == 422
    assert message(late_change) == ("STC: đã nộp kết quả tự đánh giá; cần Sở Nội vụ mở lại để sửa")

    second = rows[1]["code"]
    no_reason = {
        "entries": [
            {"code": second, "points": rows[1]["points"]},  # agrees with the unit: no reason needed
            {"code": "1.1.1", "points": "0,25"},
        ]
    }
    refused = call(server, MONITOR, "POST", f"{STC}/appraisal", json=no_reason)
    assert refused.status_code == 422
    assert message(refused) == (
        "STC, tiêu chí 1.1.1: điểm thẩm định 0,25 khác điểm tự đánh giá (0,5); cần nêu lý do"
    )
    unchanged = call(server, MONITOR, "GET", STC).json()["scorecard"]["rows"]
    assert all(row["appraised"] is None for row in unchanged)  # the whole form was refused
    with_reason = {
        "entries": [{"code": "1.1.1", "points": "0,25", "reason": "Kế hoạch chưa có lộ trình"}]
    }
    appraised = call(server, MONITOR, "POST", f"{STC}/appraisal", json=with_reason)
    assert appraised.status_code == 200, appraised.text
    survey = call(server, MONITOR, "POST", f"{STC}/survey", json={"points": {"1.10.1": "0,75"}})
    assert survey.status_code == 200, survey.text

    answer = {"code": "1.1.1", "explanation": "Lộ trình ở phụ lục 2 của kế hoạch"}
    responded = call(server, STAFF, "POST", f"{STC}/responses", json=answer)
    assert responded.status_code == 200, responded.text
    early = call(server, MONITOR, "POST", f"{STC}/finalize")
    assert early.status_code == 422
    closes = open_for_self_assessment(TODAY).response_closes
    assert message(early) == f"STC: đơn vị còn được phản hồi đến hết ngày {dmy(closes)}"

    results = call(server, MONITOR, "GET", f"{ROUND}/results").json()
    stc = next(u for u in results["units"] if u["unit"] == "STC")
    expected = claimed(round_) - Decimal("0.25") + Decimal("0.75")
    assert Decimal(stc["achieved"]) == expected
    assert Decimal(stc["percent"]) == expected.quantize(Decimal("0.01"))
    assert stc["kind"] == "appraised"
    assert Decimal(75) <= expected < Decimal(85)  # survey rows other than 1.10.1 score nothing
    assert stc["grade_label"] == "Khá"

    set_calendar(server, all_past(TODAY))
    finalized = call(server, MONITOR, "POST", f"{STC}/finalize")
    assert finalized.status_code == 200, finalized.text
    results = call(server, MONITOR, "GET", f"{ROUND}/results").json()
    assert next(u for u in results["units"] if u["unit"] == "STC")["kind"] == "official"
    set_calendar(server, open_for_self_assessment(TODAY))

    client, _ = signed_in(server, MONITOR)
    report = client.get(f"/scoring/{YEAR}/department/results/report?format=xlsx")
    client.close()
    assert report.status_code == 200
    assert f"ket-qua-chi-so-cchc-{YEAR}-department.xlsx" in report.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(report.content))["xep-hang"]
    names = [row[1] for row in sheet.iter_rows(min_row=6, values_only=True)]
    assert "Sở Tài chính" in names
    arguments = ("scoring", "--year", str(YEAR), "--unit-kind", "department")
    written = cli_report(server, tmp_path / "ket-qua.xlsx", *arguments)
    assert workbook_sheets(report.content) == workbook_sheets(written)  # with "doi-chieu"


def test_an_agency_cannot_see_or_change_another_units_self_assessment(
    server: Server, round_: dict[str, Any]
) -> None:
    before = call(server, MONITOR, "GET", STC).json()["scorecard"]
    rows = full_marks(round_)[:1]
    attempts = [
        ("GET", STC, None),
        ("POST", f"{STC}/self-assessment", {"entries": rows}),
        ("POST", f"{STC}/submit", None),
        ("POST", f"{STC}/responses", {"code": "1.1.1", "explanation": "x"}),
        ("POST", f"{STC}/appraisal", {"entries": [{"code": "1.1.1", "points": "0"}]}),
        ("GET", f"{ROUND}/results", None),
    ]
    for method, path, body in attempts:
        answer = call(server, OTHER, method, path, json=body)
        assert answer.status_code == 403, (method, path, answer.text)
        assert "STTTT" in message(answer) or "stttt" in message(answer)
    assert call(server, MONITOR, "GET", STC).json()["scorecard"] == before

    client, _ = signed_in(server, OTHER)
    page = client.get(f"/scoring/{YEAR}/department/units/STC")
    appraisal = client.get(f"/scoring/{YEAR}/department/appraisal/STC")
    home = client.get("/scoring").text
    client.close()
    assert page.status_code == 403
    assert "can-bo.stttt (STTTT) không được xem phiếu chấm của STC" in page.text
    assert appraisal.status_code == 403
    assert f"/scoring/{YEAR}/department/units/STTTT" in home
    assert "/units/STC" not in home


def test_refusals_name_the_unit_the_row_and_the_limit(
    server: Server, round_: dict[str, Any]
) -> None:
    unit = f"{ROUND}/units/SNV"  # Sở Nội vụ scores itself too; its staff are the monitors here
    cases = [
        (
            {"code": "1.1.1", "points": "5", "explanation": "x"},
            "SNV, tiêu chí 1.1.1: điểm 5 ngoài khoảng 0 đến 0,5",
        ),
        (
            {"code": "1.1.1", "points": "0,5"},
            "SNV, tiêu chí 1.1.1: không có tài liệu kiểm chứng thì cần giải trình",
        ),
        (
            {"code": "1.1.1", "points": "nửa", "explanation": "x"},
            "SNV, tiêu chí 1.1.1: 'nửa' không phải là số điểm (ví dụ: 1,5 hoặc 0,25)",
        ),
        (
            {"code": "1.10.1", "points": "1", "explanation": "x"},
            "SNV, tiêu chí 1.10.1: chấm bằng điều tra xã hội học; điểm do Sở Nội vụ nhập",
        ),
        (
            {"code": "9.9", "points": "1", "explanation": "x"},
            f"đợt chấm điểm năm {YEAR} (các cơ quan chuyên môn thuộc UBND tỉnh): "
            "không có tiêu chí 9.9",
        ),
    ]
    for entry, expected in cases:
        answer = call(server, MONITOR, "POST", f"{unit}/self-assessment", json={"entries": [entry]})
        assert answer.status_code == 422, answer.text
        assert message(answer) == expected
    assert (
        call(server, MONITOR, "GET", f"/api/scoring/rounds/{YEAR - 5}/department").status_code
        == 404
    )
    unknown = call(server, MONITOR, "GET", f"{ROUND}/units/KHONGCO")
    assert unknown.status_code == 422
    assert message(unknown) == "không có đơn vị 'KHONGCO' trong danh mục cơ quan"

    set_calendar(server, all_past(TODAY))
    try:
        late = call(
            server,
            "can-bo.stttt",
            "POST",
            f"{ROUND}/units/STTTT/self-assessment",
            json={"entries": full_marks(round_)[:1]},
        )
        assert late.status_code == 422
        deadline = dmy(all_past(TODAY).self_assessment_closes)
        assert message(late) == f"STTTT: đã hết hạn tự đánh giá ({deadline}); cần Sở Nội vụ mở lại"
        # Today as the server sees it now: the session may have started before midnight.
        until_day = today(SystemClock())
        until = {"until": until_day.isoformat(), "reason": "Đơn vị đổi người phụ trách"}
        reopened = call(server, MONITOR, "POST", f"{ROUND}/units/STTTT/reopen", json=until)
        assert reopened.status_code == 200, reopened.text
        again = call(
            server,
            "can-bo.stttt",
            "POST",
            f"{ROUND}/units/STTTT/self-assessment",
            json={"entries": full_marks(round_)[:1]},
        )
        assert again.status_code == 200, again.text
        assert again.json()["scorecard"]["self_assessment_deadline"] == until_day.isoformat()
    finally:
        set_calendar(server, open_for_self_assessment(TODAY))


@pytest.mark.usefixtures("round_")
def test_a_refused_draft_on_the_page_keeps_what_was_typed_and_records_nothing(
    server: Server,
) -> None:
    unit = f"{ROUND}/units/STTTT"
    before = call(server, MONITOR, "GET", unit).json()["scorecard"]
    client, token = signed_in(server, OTHER)
    typed = {
        "csrf_token": token,
        "points:1.1.2": "1",
        "explanation:1.1.2": "Hoàn thành 100% kế hoạch",
        "points:1.2": "3,5",
        "explanation:1.2": "Báo cáo đủ 4 quý",
    }
    page = client.post(f"/scoring/{YEAR}/department/units/STTTT/draft", data=typed)
    home = client.get(f"/scoring/{YEAR}/department/units/STTTT")
    client.close()
    assert page.status_code == 422
    assert "STTTT, tiêu chí 1.2: điểm 3,5 ngoài khoảng 0 đến 3" in page.text
    assert 'value="3,5"' in page.text
    assert "Hoàn thành 100% kế hoạch" in page.text
    assert call(server, MONITOR, "GET", unit).json()["scorecard"] == before
    assert home.status_code == 200
    assert "Bảng tự chấm điểm" in home.text
