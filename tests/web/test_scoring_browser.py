"""PAR scoring in a real browser: Sở Tài chính scores itself with evidence and submits,
Sở Nội vụ appraises side by side, and the results page shows the grade."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from planner.domain.scoring.calendar import dmy
from tests.web.conftest import ARTIFACTS
from tests.web.scoring_round import TODAY, claimed, open_for_self_assessment, open_round, own_rows
from tests.web.server import Server
from tests.web.test_browser import DESKTOP, signed_in_page

EXPLAINED = "Đã thực hiện đầy đủ, có báo cáo kèm theo"


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Path:
    folder = ARTIFACTS / "screenshots" / f"scoring-{request.node.callspec.id}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def comma(points: str) -> str:
    return points.replace(".", ",")


def grade(percent: Decimal) -> str:
    """The method's grades, boundaries inclusive."""
    for floor, label in ((85, "Tốt"), (75, "Khá"), (50, "Trung bình"), (40, "Yếu")):
        if percent >= floor:
            return label
    return "Kém"


def self_assess(page: Page, round_: dict[str, Any], proof: Path) -> None:
    """Full points everywhere; the first row proven by a file, the others explained."""
    rows = own_rows(round_)
    first = rows[0]["code"]
    for row in rows:
        page.get_by_label(f"Điểm tự chấm {row['code']}", exact=True).fill(comma(row["max_points"]))
        if row["code"] != first:
            page.get_by_label(f"Giải trình {row['code']}", exact=True).fill(EXPLAINED)
    line = page.locator(f"tr[data-code='{first}']")
    line.locator("summary", has_text="Thêm tài liệu").click()
    line.get_by_label(f"Tên tài liệu {first}", exact=True).fill("Kế hoạch CCHC năm của Sở")
    line.get_by_label(f"Tệp đính kèm {first}", exact=True).set_input_files(proof)


def test_a_department_self_assesses_the_team_appraises_and_the_results_show_the_grade(
    server: Server, browser: Browser, shots: Path, tmp_path: Path
) -> None:
    round_ = open_round(server)
    proof = tmp_path / "Kế hoạch CCHC.pdf"
    proof.write_bytes(b"%PDF-1.4 Ke hoach CCHC nam cua So Tai chinh")
    office, monitor = browser.new_context(viewport=DESKTOP), browser.new_context(viewport=DESKTOP)

    page = signed_in_page(office, server, "can-bo.stc", "/scoring")
    page.get_by_role("link", name="Tự chấm điểm: Sở Tài chính").click()
    expect(page.locator("h1")).to_contain_text("Tự chấm điểm")
    deadline = dmy(open_for_self_assessment(TODAY).self_assessment_closes)
    expect(page.locator(".facts")).to_contain_text(deadline)
    page.get_by_role("button", name="Nộp kết quả tự đánh giá").click()
    expect(page.get_by_role("alert")).to_contain_text(f"STC: chưa tự chấm {len(own_rows(round_))}")

    self_assess(page, round_, proof)
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_role("status")).to_contain_text("đã lưu bản nháp tự chấm điểm")
    expect(page.locator(".facts")).to_contain_text(
        f"{len(own_rows(round_))}/{len(own_rows(round_))}"
    )
    page.screenshot(path=shots / "self-assessment.png", full_page=True)
    page.get_by_role("button", name="Nộp kết quả tự đánh giá").click()
    expect(page.locator("p.notice").first).to_contain_text("đã nộp kết quả tự đánh giá")
    expect(page.locator("p.readonly")).to_contain_text("phiếu chỉ còn để xem")
    expect(page.get_by_label("Điểm tự chấm 1.1.1", exact=True)).to_have_count(0)
    page.screenshot(path=shots / "submitted.png", full_page=True)

    team = signed_in_page(monitor, server, "chuyen-vien.snv", "/scoring")
    team.get_by_role("link", name="Thẩm định 19 đơn vị").click()
    unit = team.locator("#units tr", has_text="Sở Tài chính")
    expect(unit).to_contain_text("Đã nộp")
    unit.get_by_role("link", name="Sở Tài chính").click()
    row = team.locator("tr[data-code='1.1.1']")
    expect(row).to_contain_text("0,5")
    evidence = row.get_by_role("link", name="Kế hoạch CCHC năm của Sở")
    stored = team.request.get(f"{server.url}{evidence.get_attribute('href')}")
    assert (stored.status, stored.body()) == (200, proof.read_bytes())
    expect(team.locator("tr[data-code='1.1.2']")).to_contain_text(EXPLAINED)

    team.get_by_label("Điểm thẩm định 1.1.1", exact=True).fill("0,25")
    team.get_by_role("button", name="Lưu điểm thẩm định").click()
    expect(team.get_by_role("alert")).to_contain_text("khác điểm tự đánh giá (0,5); cần nêu lý do")
    expect(team.get_by_label("Điểm thẩm định 1.1.1", exact=True)).to_have_value("0,25")
    team.get_by_label("Lý do 1.1.1", exact=True).fill("Kế hoạch chưa có lộ trình thực hiện")
    team.get_by_role("button", name="Lưu điểm thẩm định").click()
    expect(team.get_by_role("status")).to_contain_text("đã ghi điểm thẩm định")
    expect(team.locator(".facts")).to_contain_text("đã thẩm định 1")
    team.screenshot(path=shots / "appraisal.png", full_page=True)

    team.get_by_role("link", name="Thẩm định năm").click()
    team.get_by_role("link", name="Kết quả, xếp hạng").click()
    achieved = claimed(round_) - Decimal("0.25")  # out of 100; no survey points entered yet
    ranked = team.locator("#ranking tr[data-unit='STC']")
    expect(ranked).to_contain_text(comma(str(achieved.quantize(Decimal("0.01")))) + "%")
    expect(ranked.locator("td.grade")).to_have_text(grade(achieved))
    expect(ranked).to_contain_text("Đang thẩm định")
    expect(team.get_by_role("link", name="XLSX")).to_be_visible()
    team.screenshot(path=shots / "results.png", full_page=True)

    page.reload()
    expect(page.locator("tr[data-code='1.1.1']")).to_contain_text("Kế hoạch chưa có lộ trình")
    office.close()
    monitor.close()
