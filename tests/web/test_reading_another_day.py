"""Looking at another day: the page says which day it shows, and its address can be shared."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from tests.web.browser import sign_in
from tests.web.server import Server

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


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


def test_my_tasks_counts_days_late_on_the_day_asked(
    server: Server, context: BrowserContext
) -> None:
    page = context.new_page()
    page.goto(f"{server.url}/my-tasks?on=25/11/2023")
    sign_in(page, "can-bo.vpubnd", server.passwords["can-bo.vpubnd"])
    expect(page.locator("h1")).to_contain_text("ngày 25/11/2023")
    late = page.locator("#my-tasks tr", has_text="PL2 III.2")
    expect(late).to_contain_text("quá hạn 56 ngày")  # due 30/09/2023

    page.get_by_label("Ngày xét").fill("02/10/2023")
    page.get_by_role("button", name="Xem").click()
    expect(page).to_have_url(re.compile(r"/my-tasks\?on=02%2F10%2F2023$"))
    expect(page.locator("h1")).to_contain_text("ngày 02/10/2023")
    expect(page.locator("#my-tasks tr", has_text="PL2 III.2")).to_contain_text("quá hạn 2 ngày")


def test_on_a_phone_the_quick_buttons_of_my_tasks_are_on_screen(
    server: Server, browser: Browser
) -> None:
    phone = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = phone.new_page()
    page.goto(f"{server.url}/my-tasks?on=25/11/2023")
    sign_in(page, "can-bo.stttt", server.passwords["can-bo.stttt"])
    buttons = page.locator("#my-tasks td.quick").get_by_role("button")
    expect(buttons.first).to_be_visible()
    assert buttons.count() >= 2
    for button in buttons.all():
        box = button.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (
            f"'{button.inner_text()}' spans x={box['x']:.0f}…{box['x'] + box['width']:.0f} px "
            f"on a {PHONE['width']} px phone"
        )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"my tasks are {width}px wide on a {PHONE['width']}px phone"

    # A quick change keeps the day asked.
    row = page.locator("#my-tasks tr", has_text="PL2 I.1b").filter(has_text="2023-Q4")
    row.get_by_role("button", name="Bắt đầu").click()
    expect(
        page.locator("#my-tasks tr", has_text="PL2 I.1b").filter(has_text="2023-Q4")
    ).to_contain_text("Đang thực hiện")
    expect(page.locator("h1")).to_contain_text("ngày 25/11/2023")
    phone.close()
