"""Sở Nội vụ imports a published plan in the browser: upload, preview with warnings, confirm."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.web.browser import sign_in
from tests.web.conftest import ARTIFACTS
from tests.web.server import Server

SEED = Path(__file__).resolve().parents[2] / "src/planner/demo/seeds/ha-nam-2019-plan-1800.txt"
TO_CORRECT = (
    Path(__file__).resolve().parents[1] / "importing/to_correct/gia-lai-2024-to-correct.txt"
)
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

    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("status")).to_contain_text("Đã nhập: thêm 1 kế hoạch")
    page.screenshot(path=shots / "import-done.png")

    page.get_by_role("link", name="Xem kế hoạch 1800/KH-UBND").click()
    expect(page.locator("h1")).to_contain_text("Kế hoạch 1800/KH-UBND")
    expect(page.locator("#criteria .task-row").first).to_be_visible()
    expect(page.locator("#reports")).to_contain_text("HTML")
    page.screenshot(path=shots / "imported-plan.png")
    context.close()


def test_sở_nội_vụ_corrects_the_reading_stores_it_and_a_second_import_applies_it_again(
    server: Server, browser: Browser, shots: Path
) -> None:
    """Gia Lai's plan states no number, names the one-stop centre as the registry does not,
    and its row 12 (a task whose agencies are merged with the row above) is read as the rest
    of row 11."""
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{server.url}/imports")
    sign_in(page, "chuyen-vien.snv", server.passwords["chuyen-vien.snv"])
    page.get_by_label("Tệp văn bản").set_input_files(TO_CORRECT)
    page.get_by_role("button", name="Xem trước").click()

    expect(page.locator("#errors")).to_contain_text("không tìm thấy số văn bản")
    expect(page.get_by_role("button", name="Lưu")).to_have_count(0)
    row_12 = page.locator("#rows tr[data-source='dòng 12']")
    expect(row_12).to_contain_text("nhiệm vụ PL I.2")
    expect(page.locator("#rows tr[data-source='dòng 14']")).to_contain_text(
        "không có cơ quan 'Trung tâm Phục vụ hành chính công tỉnh' trong danh mục"
    )
    page.screenshot(path=shots / "import-to-correct.png", full_page=True)

    page.get_by_label("Số văn bản").fill("45/KH-UBND")
    page.get_by_label("Trung tâm Phục vụ hành chính công tỉnh là").select_option("VPUBND")
    page.get_by_label("dòng 12 là", exact=True).select_option("task")
    page.get_by_role("button", name="Xem lại").click()

    expect(page.locator("#document")).to_contain_text("45/KH-UBND")
    expect(page.locator("#errors")).to_have_count(0)
    expect(row_12).to_contain_text("nhiệm vụ PL I.2b")
    expect(page.locator("#agencies")).not_to_contain_text("Tên không có trong danh mục")
    expect(page.get_by_label("dòng 12 là", exact=True)).to_have_value("task")
    expect(page.locator("#confirm")).to_contain_text("thêm 1 kế hoạch")
    page.screenshot(path=shots / "import-corrected.png", full_page=True)
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("status")).to_contain_text("Đã nhập: thêm 1 kế hoạch, 5 nhiệm vụ")

    page.goto(f"{server.url}/imports")
    page.get_by_label("Tệp văn bản").set_input_files(TO_CORRECT)
    page.get_by_role("button", name="Xem trước").click()
    expect(page.locator("#kept")).to_contain_text("Đang áp dụng các sửa đã ghi")
    expect(page.locator("#document")).to_contain_text("45/KH-UBND")
    expect(row_12).to_contain_text("nhiệm vụ PL I.2b")
    expect(page.locator("#confirm")).to_contain_text("Không có thay đổi")
    page.screenshot(path=shots / "import-corrections-applied.png", full_page=True)
    context.close()
