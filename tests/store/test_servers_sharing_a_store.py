"""Several server processes on one store: each keeps the agency directory and the accounts it
reads, and what another process records shows in it at the next request."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import event

from planner.application.api_tokens import secret_hash
from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.domain.actor import Actor, Role
from planner.domain.agency import AgencyKind
from tests.conftest import composed

ADMIN = Actor("quan-tri", "SNV", Role.ADMIN)
ECONOMIC_ZONE = "Ban Quản lý Khu kinh tế tỉnh"


@pytest.fixture
def other_server(database_url: str, clock: FixedClock) -> Iterator[Planner]:
    """A second process's planner on the same store, with answers kept of its own (opened
    after `planner`, which the tests name first)."""
    with composed(database_url, clock).open_planner() as opened:
        yield opened


def test_an_agency_registered_by_another_server_is_known_at_once(
    planner: Planner, other_server: Planner
) -> None:
    kept = planner.views.directory()
    assert kept.find(ECONOMIC_ZONE) is None
    assert planner.views.directory() is kept  # nothing changed: not read again

    other_server.agencies.register("BQLKKT", ECONOMIC_ZONE, AgencyKind.OTHER, ADMIN)
    assert planner.views.directory().find(ECONOMIC_ZONE) == "BQLKKT"
    assert planner.workspace.actor("can-bo.bqlkkt", "BQLKKT", Role.AGENCY).agency == "BQLKKT"


def test_an_account_disabled_or_signed_out_elsewhere_is_seen_so_here(
    planner: Planner, other_server: Planner
) -> None:
    planner.users.add("can-bo.stc", "STC", Role.AGENCY, "mat-khau-du-dai", ADMIN)
    before = planner.views.credentials("can-bo.stc")
    assert before is not None and before.user.active
    assert planner.views.credentials("can-bo.stc") is before

    other_server.users.sign_out("can-bo.stc", ADMIN)
    signed_out = planner.views.credentials("can-bo.stc")
    assert signed_out is not None
    assert signed_out.user.sessions_version > before.user.sessions_version

    other_server.users.disable("can-bo.stc", "nghỉ hưu", ADMIN)
    disabled = planner.views.credentials("can-bo.stc")
    assert disabled is not None and not disabled.user.active


def test_a_token_revoked_by_another_server_stops_working_here(
    planner: Planner, other_server: Planner
) -> None:
    token = planner.api_tokens.issue("dong-bo", "STC", Role.AGENCY, date(2024, 6, 1), ADMIN)
    assert planner.views.api_token(secret_hash(token)) is not None
    other_server.api_tokens.revoke("dong-bo", "lộ khóa", ADMIN)
    found = planner.views.api_token(secret_hash(token))
    assert found is not None and not found.valid_on(date(2023, 6, 8))


def test_signing_in_checks_the_account_and_the_directory_with_one_read(
    planner: Planner, other_server: Planner
) -> None:
    planner.users.add("can-bo.stp", "STP", Role.AGENCY, "mat-khau-du-dai", ADMIN)
    stamp_reads: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "view_stamps" in statement:
            stamp_reads.append(statement)

    event.listen(planner.views.engine, "before_cursor_execute", count)
    try:
        with planner.views.one_reading():
            assert planner.views.credentials("can-bo.stp") is not None
            assert planner.views.directory().find(ECONOMIC_ZONE) is None
        assert len(stamp_reads) == 1

        other_server.agencies.register("BQLKKT", ECONOMIC_ZONE, AgencyKind.OTHER, ADMIN)
        with planner.views.one_reading():  # the next request reads again, and sees it
            assert planner.views.directory().find(ECONOMIC_ZONE) == "BQLKKT"
        assert len(stamp_reads) == 2
    finally:
        event.remove(planner.views.engine, "before_cursor_execute", count)
