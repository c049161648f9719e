"""Sở Nội vụ imports a published plan in the browser: upload, preview with warnings, confirm."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.web.browser import sign_in
from tests.web.conftest import ARTIFACTS
from tests.web.server import Server

SEED = Path(__file__).resolve().parents[2] / "src/planner/demo/seeds/ha-nam-2019-plan-1800.txt"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Path:
    folder = ARTIFACTS / "screenshots" / request.node.callspec.id
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_sở_nội_vụ_uploads_a_plan_reads_the_warnings_confirms_and_sees_the_plan(
    server: Server, browser: Browser, shots: Path
) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{server.url}/dashboard")
    sign_in(page, "chuyen-vien.snv", server.passwords["chuyen-vien.snv"])
    page.get_by_role("link", name="Nhập kế hoạch").click()
    expect(page.get_by_role("heading", name="Nhập kế hoạch")).to_be_visible()
    page.get_by_label("Tệp văn bản").set_input_files(SEED)
    page.get_by_role("button", name="Xem trước").click()

    expect(page.locator("h1")).to_contain_text("Xem trước: ha-nam-2019-plan-1800.txt")
    expect(page.locator("#document")).to_contain_text("1800/KH-UBND")
    expect(page.locator("#document")).to_contain_text("Hà Nam")
    expect(page.locator("#counts")).to_contain_text("81")
    expect(page.locator("#tables")).to_contain_text("tiêu chí và nhiệm vụ")
    warnings = page.locator("#warnings")
    expect(warnings).to_contain_text("Cảnh báo")
    expect(warnings.locator("tbody tr").first).to_contain_text("dòng")
    expect(page.locator("#confirm")).to_contain_text("thêm 1 kế hoạch")
    page.screenshot(path=shots / "import-preview.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=shots / "import-preview-phone.png")
    page.set_viewport_size(DESKTOP)

    page.get_by_role("button", name="Xác nhận nhập").click()
    expect(page.get_by_role("status")).to_contain_text("Đã nhập: thêm 1 kế hoạch")
    page.screenshot(path=shots / "import-done.png")

    page.get_by_role("link", name="Xem kế hoạch 1800/KH-UBND").click()
    expect(page.locator("h1")).to_contain_text("Kế hoạch 1800/KH-UBND")
    expect(page.locator("#criteria .task-row").first).to_be_visible()
    expect(page.locator("#reports")).to_contain_text("HTML")
    page.screenshot(path=shots / "imported-plan.png")
    context.close()
