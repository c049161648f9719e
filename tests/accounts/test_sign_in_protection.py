"""What guards signing in: expiring signed tokens and a limit on wrong passwords, counted in
the database so that every server process applies the same limit."""

from __future__ import annotations

import time

import pytest

from api.auth.throttle import LoginThrottle, TooManyAttempts
from api.auth.tokens import TokenClaims, Tokens
from planner.storage.database import Database


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def throttle_on(database_url: str, clock: Clock) -> LoginThrottle:
    """The limit as one server process applies it, on the shared database."""
    throttle = LoginThrottle(Database.from_url(database_url).engine(), clock=clock)
    throttle.create_table()
    return throttle


def test_five_wrong_passwords_for_a_name_make_it_wait_fifteen_minutes(database_url: str) -> None:
    clock = Clock()
    throttle = throttle_on(database_url, clock)
    for _ in range(5):
        throttle.check("can-bo.stc", "10.0.0.7")
        throttle.failed("can-bo.stc", "10.0.0.7")
    with pytest.raises(TooManyAttempts) as refused:
        throttle.check("Can-Bo.STC", "10.0.0.7")
    assert 890 < refused.value.retry_after <= 901
    throttle.check("can-bo.stc", "10.0.0.8")  # another address is not held up
    clock.now += 15 * 60 + 1
    throttle.check("can-bo.stc", "10.0.0.7")


def test_one_address_guessing_many_names_is_stopped_too(database_url: str) -> None:
    throttle = throttle_on(database_url, Clock())
    for number in range(20):
        throttle.failed(f"nguoi-{number}", "10.0.0.9")
    with pytest.raises(TooManyAttempts):
        throttle.check("nguoi-moi", "10.0.0.9")


def test_several_server_processes_count_the_same_tries(database_url: str) -> None:
    clock = Clock()
    first, second = throttle_on(database_url, clock), throttle_on(database_url, clock)
    for throttle in (first, second, first, second, first):
        throttle.failed("can-bo.stc", "10.0.0.7")
    with pytest.raises(TooManyAttempts):
        second.check("can-bo.stc", "10.0.0.7")
    first.succeeded("can-bo.stc", "10.0.0.7")
    second.check("can-bo.stc", "10.0.0.7")


def test_a_token_is_read_back_only_when_genuine_and_fresh() -> None:
    tokens = Tokens("bi-mat-thu-nghiem", lifetime_seconds=3600)
    issued = tokens.issue(TokenClaims("can-bo.stc", 3))
    assert tokens.read(issued) == TokenClaims("can-bo.stc", 3)
    assert tokens.read(issued[:-2] + "xx") is None
    assert Tokens("bi-mat-khac", 3600).read(issued) is None
    assert Tokens("bi-mat-thu-nghiem", lifetime_seconds=-1).read(issued) is None


def test_a_token_read_before_still_ends_when_its_time_is_up() -> None:
    """Tokens checked once are kept (a signature check per request cost much); the moment
    they expire still holds."""
    now = [time.time()]
    tokens = Tokens("bi-mat-thu-nghiem", lifetime_seconds=3600, clock=lambda: now[0])
    issued = tokens.issue(TokenClaims("can-bo.stc", 3))
    assert tokens.read(issued) == TokenClaims("can-bo.stc", 3)
    now[0] += 1800
    assert tokens.read(issued) == TokenClaims("can-bo.stc", 3)
    now[0] += 1801
    assert tokens.read(issued) is None
