"""Looking at another day: the page says which day it shows, and its address can be shared."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from tests.web.browser import sign_in
from tests.web.server import Server

DESKTOP = {"width": 1366, "height": 768}


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    opened = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    yield opened
    opened.close()


def test_the_dashboard_follows_the_day_typed_in_its_heading_and_address(
    server: Server, context: BrowserContext
) -> None:
    page = context.new_page()
    page.goto(f"{server.url}/dashboard?on=25/11/2023")
    sign_in(page, "chuyen-vien.snv", server.passwords["chuyen-vien.snv"])
    expect(page.locator("h1")).to_contain_text("ngày 25/11/2023")

    entries = page.evaluate("history.length")
    page.get_by_label("Ngày xét").fill("15/01/2024")
    page.get_by_role("button", name="Xem").click()

    expect(page.locator("h1")).to_contain_text("ngày 15/01/2024")
    expect(page).to_have_url(re.compile(r"[?&]on=15%2F01%2F2024(&|$)"))
    assert page.evaluate("history.length") == entries + 1  # one view, one step back
    shared = page.url
    # The address, opened afresh (a bookmark, a link sent to a colleague), shows the same day.
    other = context.new_page()
    other.goto(shared)
    expect(other.locator("h1")).to_contain_text("ngày 15/01/2024")
    expect(other.get_by_label("Ngày xét")).to_have_value("15/01/2024")

    # Enter in the day's box does the same as "Xem".
    page.get_by_label("Ngày xét").fill("01/10/2023")
    page.get_by_label("Ngày xét").press("Enter")
    expect(page.locator("h1")).to_contain_text("ngày 01/10/2023")
    expect(page).to_have_url(re.compile(r"[?&]on=01%2F10%2F2023(&|$)"))
    page.go_back()
    expect(page.locator("h1")).to_contain_text("ngày 15/01/2024")
