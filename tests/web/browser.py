"""Using the pages as a person does."""

from __future__ import annotations

from playwright.sync_api import Page


def sign_in(page: Page, username: str, password: str) -> None:
    """Fill the login form the site has just shown."""
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
