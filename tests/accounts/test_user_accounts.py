"""Administrators manage accounts; only Argon2 hashes are recorded, never shown in history."""

from __future__ import annotations

import pytest

from planner.application.errors import AlreadyExists
from planner.application.planner import Planner
from planner.domain.actor import Actor, Role
from planner.domain.errors import InvalidTransition, InvalidValue, NotPermitted, UnknownAgency
from planner.domain.identity import user_id
from tests.store.view_snapshot import snapshot

ADMIN = Actor("quan-tri", "SNV", Role.ADMIN)


def test_an_administrator_adds_staff_who_then_sign_in(planner: Planner) -> None:
    planner.users.add("Can-Bo.STC", "Sở Tài chính", Role.AGENCY, "mat-khau-du-dai", ADMIN)
    user = planner.views.user("can-bo.stc")
    assert (user.agency, user.role, user.active) == ("STC", "agency", True)
    signed = planner.users.authenticate("can-bo.stc", "mat-khau-du-dai")
    assert signed is not None and signed.username == "can-bo.stc"
    assert planner.users.authenticate("can-bo.stc", "mat-khau-sai") is None
    assert planner.users.authenticate("khong-co-ai", "mat-khau-du-dai") is None
    assert planner.users.actor(user) == Actor("can-bo.stc", "STC", Role.AGENCY, frozenset())

    stored = planner.views.credentials("can-bo.stc")
    assert stored is not None and stored.password_hash.startswith("$argon2id$")
    history = planner.views.history(user_id("can-bo.stc"))
    assert [e.event for e in history] == ["Added"]
    assert history[0].actor_user == "quan-tri"
    assert "password_hash" not in history[0].details
    assert "mat-khau-du-dai" not in repr(snapshot(planner.projector.reader))


def test_accounts_are_refused_with_what_is_wrong(planner: Planner) -> None:
    planner.users.add("can-bo.stc", "STC", Role.AGENCY, "mat-khau-du-dai", ADMIN)
    with pytest.raises(AlreadyExists, match=r"tài khoản can-bo\.stc đã có"):
        planner.users.add("can-bo.stc", "STC", Role.AGENCY, "mat-khau-du-dai", ADMIN)
    with pytest.raises(InvalidValue, match="chỉ cán bộ SNV"):
        planner.users.add("theo-doi.stc", "STC", Role.MONITOR, "mat-khau-du-dai", ADMIN)
    with pytest.raises(InvalidValue, match="ít nhất 10 ký tự"):
        planner.users.add("can-bo.stp", "STP", Role.AGENCY, "ngan", ADMIN)
    with pytest.raises(InvalidValue, match="tên đăng nhập 'cán bộ' không hợp lệ"):
        planner.users.add("cán bộ", "STP", Role.AGENCY, "mat-khau-du-dai", ADMIN)
    with pytest.raises(UnknownAgency, match="Sở Tài chín"):
        planner.users.add("can-bo.x", "Sở Tài chín", Role.AGENCY, "mat-khau-du-dai", ADMIN)
    staff = Actor("can-bo.stc", "STC", Role.AGENCY)
    with pytest.raises(NotPermitted, match="không có quyền quản lý tài khoản"):
        planner.users.add("can-bo.stp", "STP", Role.AGENCY, "mat-khau-du-dai", staff)
    assert [u.username for u in planner.views.users()] == ["can-bo.stc"]


def test_closing_reopening_and_resetting_an_account(planner: Planner) -> None:
    planner.users.add("can-bo.stc", "STC", Role.AGENCY, "mat-khau-du-dai", ADMIN)
    before = planner.views.user("can-bo.stc").sessions_version
    planner.users.reset_password("can-bo.stc", "mat-khau-moi-dai", ADMIN)
    assert planner.views.user("can-bo.stc").sessions_version > before
    assert planner.users.authenticate("can-bo.stc", "mat-khau-du-dai") is None

    self_service = Actor("can-bo.stc", "STC", Role.AGENCY)
    planner.users.reset_password("can-bo.stc", "mat-khau-cua-toi", self_service)
    with pytest.raises(NotPermitted):
        planner.users.disable("can-bo.stc", "thử", self_service)
    planner.users.add("quan-tri", "SNV", Role.ADMIN, "mat-khau-quan-tri", ADMIN)
    with pytest.raises(NotPermitted, match="không thể tự khóa"):
        planner.users.disable("quan-tri", "thử", ADMIN)

    planner.users.disable("can-bo.stc", "chuyển công tác", ADMIN)
    assert planner.users.authenticate("can-bo.stc", "mat-khau-cua-toi") is None
    with pytest.raises(InvalidTransition, match="đã bị khóa"):
        planner.users.disable("can-bo.stc", "lần nữa", ADMIN)
    planner.users.enable("can-bo.stc", "trở lại", ADMIN)
    assert planner.users.authenticate("can-bo.stc", "mat-khau-cua-toi") is not None

    events = [e.event for e in planner.views.history(user_id("can-bo.stc"))]
    assert events == ["Added", "PasswordReset", "PasswordReset", "Disabled", "Enabled"]
    incremental = snapshot(planner.projector.reader)
    planner.projector.rebuild()
    assert snapshot(planner.projector.reader) == incremental
