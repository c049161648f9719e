"""People using the pages in a real browser: agencies report, Sở Nội vụ watches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.web.browser import sign_in
from tests.web.conftest import ARTIFACTS
from tests.web.server import Server

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
REPORT_DAY = "25/11/2023"


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Path:
    folder = ARTIFACTS / "screenshots" / request.node.callspec.id
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    opened = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    yield opened
    opened.close()


def task_id(server: Server, reference: str) -> str:
    with server.client() as client:
        tasks = client.get("/api/tasks", headers=server.headers("chuyen-vien.snv")).json()["tasks"]
    found: str = next(t["task_id"] for t in tasks if t["reference"] == reference)
    return found


def signed_in_page(context: BrowserContext, server: Server, username: str, path: str) -> Page:
    page = context.new_page()
    page.goto(f"{server.url}{path}")
    sign_in(page, username, server.passwords[username])
    page.wait_for_url(lambda url: urlsplit(url).path == urlsplit(path).path)
    return page


def test_an_agency_completes_its_task_with_evidence_and_the_dashboard_shows_it(
    server: Server, browser: Browser, shots: Path, tmp_path: Path
) -> None:
    monitor = browser.new_context(viewport=DESKTOP)
    office = browser.new_context(viewport=DESKTOP)
    dashboard = signed_in_page(monitor, server, "chuyen-vien.snv", f"/dashboard?on={REPORT_DAY}")
    overdue = dashboard.locator("#overdue")
    expect(overdue).to_contain_text("PL2 III.2")
    expect(overdue).to_contain_text("Văn phòng UBND tỉnh")
    office_bar = dashboard.locator(".bar-row", has_text="Văn phòng UBND tỉnh")
    expect(office_bar).to_contain_text("28,6%")
    dashboard.screenshot(path=shots / "dashboard-before.png", full_page=True)

    page = signed_in_page(office, server, "can-bo.vpubnd", "/my-tasks")
    expect(page.get_by_role("heading", name="Nhiệm vụ của tôi")).to_be_visible()
    page.screenshot(path=shots / "my-tasks.png", full_page=True)
    row = page.locator("tr", has_text="PL2 III.2")
    expect(row).to_contain_text("30/09/2023")
    row.get_by_role("link", name="PL2 III.2").click()
    expect(page.locator("h1")).to_contain_text("PL2 III.2")

    proof_name = "Quyết định công bố danh mục TTHC"
    proof = tmp_path / "QĐ công bố danh mục TTHC.pdf"
    proof.write_bytes(b"%PDF-1.4 Quyet dinh cong bo danh muc TTHC")
    page.locator("summary", has_text="Hoàn thành").click()
    form = page.locator("form[data-action=complete]")
    form.get_by_label("Kết quả").fill("Đã công bố, công khai đầy đủ danh mục TTHC quý III")
    form.get_by_label("Tên tài liệu").fill(proof_name)
    form.get_by_label("Đường dẫn").fill("https://vpubnd.backan.gov.vn/qd-cong-bo.pdf")
    form.get_by_label("hoặc tệp đính kèm").set_input_files(proof)
    form.get_by_role("button", name="Xác nhận hoàn thành").click()

    expect(page.get_by_role("status")).to_contain_text("Đã ghi nhận: Hoàn thành")
    expect(page.locator("#occurrences")).to_contain_text("Hoàn thành")
    evidence = page.locator("#evidence")
    expect(evidence.get_by_role("link")).to_have_count(2)
    history = page.locator("#history tbody tr").first
    expect(history).to_contain_text("can-bo.vpubnd")
    expect(history).to_contain_text("Hoàn thành")
    page.screenshot(path=shots / "task.png", full_page=True)

    # Done today: today's board counts it; 25/11/2023 still reads as it stood then.
    dashboard.goto(f"{server.url}/dashboard")
    expect(dashboard.locator("#overdue")).not_to_contain_text("PL2 III.2")
    expect(office_bar).to_contain_text("42,9%")
    dashboard.screenshot(path=shots / "dashboard.png", full_page=True)

    dashboard.goto(f"{server.url}/tasks/{task_id(server, 'PL2 III.2')}")
    link = dashboard.locator("#evidence a[href*='/files/']", has_text=proof_name)
    stored = dashboard.request.get(f"{server.url}{link.get_attribute('href')}")
    assert (stored.status, stored.body()) == (200, proof.read_bytes())
    assert "attachment" in stored.headers["content-disposition"]
    monitor.close()
    office.close()


def test_an_agency_cannot_open_or_change_another_agencys_task(
    server: Server, context: BrowserContext
) -> None:
    page = signed_in_page(context, server, "can-bo.stc", "/my-tasks")
    expect(page.locator("#my-tasks")).not_to_contain_text("PL2 VI.1")
    other = task_id(server, "PL2 VI.1")
    answer = page.goto(f"{server.url}/tasks/{other}")
    assert answer is not None and answer.status == 403
    expect(page.get_by_role("alert")).to_contain_text(
        "STC không chủ trì hay phối hợp nhiệm vụ PL2 VI.1"
    )

    csrf = next(c["value"] for c in context.cookies() if c["name"] == "planner_csrf")
    forced = page.request.post(
        f"{server.url}/tasks/{other}/actions/complete",
        multipart={"csrf_token": csrf, "note": "không phải việc của STC"},
    )
    assert forced.status == 403
    without_token = page.request.post(
        f"{server.url}/tasks/{task_id(server, 'PL2 VIII.2')}/actions/progress",
        multipart={"percent": "90"},
    )
    assert without_token.status == 403
    assert "biểu mẫu đã hết hạn" in without_token.text()


def test_a_signed_out_visitor_is_sent_to_the_login_page_and_back(
    server: Server, context: BrowserContext, shots: Path
) -> None:
    page = context.new_page()
    page.goto(f"{server.url}/plans")
    assert "/login?next=/plans" in page.url
    page.screenshot(path=shots / "login.png")
    sign_in(page, "can-bo.stc", "mat-khau-sai-roi")
    expect(page.get_by_role("alert")).to_contain_text("sai tên đăng nhập hoặc mật khẩu")
    sign_in(page, "can-bo.stc", server.passwords["can-bo.stc"])
    page.wait_for_url("**/plans")
    page.get_by_role("link", name="365/KH-UBND").click()
    expect(page.locator("#criteria")).to_contain_text("Thực hiện thu ngân sách hàng năm")
    page.screenshot(path=shots / "plan.png", full_page=True)

    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/login")
    page.goto(f"{server.url}/my-tasks")
    assert "/login?next=/my-tasks" in page.url


def test_quick_changes_and_filters_update_the_page_in_place(
    server: Server, context: BrowserContext, shots: Path
) -> None:
    page = signed_in_page(context, server, "can-bo.stttt", "/my-tasks")
    row = page.locator("#my-tasks tr", has_text="PL2 I.1b").filter(has_text="2023-Q4")
    expect(row).to_contain_text("Chưa thực hiện")
    row.get_by_role("button", name="Bắt đầu").click()
    expect(
        page.locator("#my-tasks tr", has_text="PL2 I.1b").filter(has_text="2023-Q4")
    ).to_contain_text("Đang thực hiện")
    assert page.url.endswith("/my-tasks")

    blocked = page.locator("#my-tasks tr", has_text="PL2 VII.1")
    expect(blocked).to_contain_text("Gặp vướng mắc")
    with server.client() as client:  # meanwhile Sở Nội vụ adds a note to the same task
        answer = client.post(
            f"/api/tasks/{task_id(server, 'PL2 VII.1')}/progress",
            json={"note": "Đã đề nghị Bộ hướng dẫn"},
            headers=server.headers("chuyen-vien.snv"),
        )
        assert answer.status_code == 200
    blocked.get_by_role("button", name="Gỡ vướng mắc").click()
    expect(page.get_by_role("alert")).to_contain_text("hãy tải lại")
    expect(page.locator("h1")).to_contain_text("PL2 VII.1")
    expect(page).to_have_url(f"{server.url}/tasks/{task_id(server, 'PL2 VII.1')}")

    monitor = context.browser.new_context(viewport=PHONE) if context.browser else None
    assert monitor is not None
    phone = signed_in_page(monitor, server, "chuyen-vien.snv", "/dashboard?on=01/10/2023")
    phone.get_by_label("Cơ quan").select_option("SKHDT")
    expect(phone).to_have_url(
        f"{server.url}/dashboard?plan=&agency=SKHDT&on=01%2F10%2F2023&basis=current"
    )
    expect(phone.locator("#overdue")).to_contain_text("Không có nhiệm vụ quá hạn")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the dashboard is {width}px wide on a {PHONE['width']}px phone"
    phone.screenshot(path=shots / "dashboard-phone.png", full_page=True)
    monitor.close()


def test_the_api_is_documented_at_docs_from_the_apps_own_files(
    server: Server, context: BrowserContext, shots: Path
) -> None:
    page = context.new_page()
    outside = []
    page.on(
        "request", lambda r: outside.append(r.url) if not r.url.startswith(server.url) else None
    )
    page.goto(f"{server.url}/docs")
    token = page.locator('.opblock-summary-path[data-path="/api/token"]')
    expect(token).to_be_visible()
    expect(
        page.locator(".opblock-summary-path", has_text="/api/tasks/{task_id}/complete")
    ).to_be_visible()
    page.screenshot(path=shots / "api-docs.png")
    assert [url for url in outside if not url.startswith("data:")] == []


def test_an_administrator_opens_an_account_and_later_closes_it(
    server: Server, browser: Browser, shots: Path
) -> None:
    admin = browser.new_context(viewport=DESKTOP)
    page = signed_in_page(admin, server, "quan-tri", "/admin/users")
    account = page.locator("form[action='/admin/users']")
    account.get_by_label("Tên đăng nhập").fill("can-bo.syt")
    account.locator("select[name=agency]").select_option("SYT")
    account.locator("select[name=role]").select_option("monitor")
    page.get_by_label("Mật khẩu (ít nhất 10 ký tự)").fill("mat-khau-so-y-te")
    page.get_by_role("button", name="Thêm tài khoản").click()
    expect(page.get_by_role("alert")).to_contain_text("chỉ cán bộ SNV (Sở Nội vụ)")

    account.locator("select[name=role]").select_option("agency")
    page.get_by_label("Mật khẩu (ít nhất 10 ký tự)").fill("mat-khau-so-y-te")
    page.get_by_role("button", name="Thêm tài khoản").click()
    expect(page.get_by_role("status")).to_contain_text("can-bo.syt")
    expect(page.locator("#accounts tr", has_text="can-bo.syt")).to_contain_text("SYT")
    page.screenshot(path=shots / "accounts.png", full_page=True)

    staff = browser.new_context(viewport=DESKTOP)
    health = staff.new_page()
    health.goto(f"{server.url}/my-tasks")
    sign_in(health, "can-bo.syt", "mat-khau-so-y-te")
    expect(health.get_by_role("heading", name="Nhiệm vụ của tôi")).to_be_visible()
    denied = health.goto(f"{server.url}/admin/users")
    assert denied is not None and denied.status == 403

    page.get_by_label("Lý do khóa can-bo.syt").fill("chuyển công tác")
    page.locator("tr", has_text="can-bo.syt").get_by_role("button", name="Khóa").click()
    expect(page.locator("tr", has_text="can-bo.syt")).to_contain_text("Đã khóa")
    health.goto(f"{server.url}/my-tasks")
    assert "/login?next=/my-tasks" in health.url
    admin.close()
    staff.close()
