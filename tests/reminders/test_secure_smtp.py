"""The province's mail server wants TLS and a login: both come from the environment."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.smtp import AuthResult, LoginPassword

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.bootstrap.container import Container
from planner.bootstrap.settings import read_settings
from tests.conftest import vietnam_time
from tests.reminders.mail_server import MailServer
from tests.reminders.province import province

USER, PASSWORD = "nhac-han@snv.backan.gov.vn", "mật-khẩu-chỉ-trong-biến-môi-trường"


def only_our_account(
    _server: Any, _session: Any, _envelope: Any, _mechanism: str, auth_data: Any
) -> AuthResult:
    given = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password)
    return AuthResult(success=given == (USER.encode(), PASSWORD.encode()), handled=False)


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[ssl.SSLContext, Path]:
    """A certificate for 127.0.0.1 from a private authority, as provincial servers often have."""
    authority = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    return context, ca_file


def serving(server: MailServer) -> Iterator[MailServer]:
    server.start()
    yield server
    server.stop()


@pytest.fixture
def starttls_server(certificate: tuple[ssl.SSLContext, Path]) -> Iterator[MailServer]:
    context, _ = certificate
    yield from serving(
        MailServer(
            tls_context=context,
            require_starttls=True,
            authenticator=only_our_account,
            auth_required=True,
        )
    )


@pytest.fixture
def tls_server(certificate: tuple[ssl.SSLContext, Path]) -> Iterator[MailServer]:
    context, _ = certificate
    yield from serving(
        MailServer(
            ssl_context=context,
            authenticator=only_our_account,
            auth_required=True,
            auth_require_tls=False,  # aiosmtpd does not see the TLS it wraps itself in
        )
    )


def send(planner: Planner, clock: FixedClock, env: dict[str, str]) -> list[str | None]:
    province(planner)
    clock.set(vietnam_time(date(2023, 9, 5)))
    report = Container(read_settings(env)).reminders(planner).run(date(2023, 9, 5))
    return [d.error for d in report.deliveries]


def secure_env(server: MailServer, security: str, ca_file: Path, password: str) -> dict[str, str]:
    return {
        **server.env(),
        "PLANNER_SMTP_SECURITY": security,
        "PLANNER_SMTP_CA_FILE": str(ca_file),
        "PLANNER_SMTP_USER": USER,
        "PLANNER_SMTP_PASSWORD": password,
    }


def test_starttls_with_a_login(
    planner: Planner,
    clock: FixedClock,
    starttls_server: MailServer,
    certificate: tuple[ssl.SSLContext, Path],
) -> None:
    env = secure_env(starttls_server, "starttls", certificate[1], PASSWORD)
    assert send(planner, clock, env) == [None]
    assert [m.subject for m in starttls_server.received] == [
        "Nhắc hạn: PL2 I.1 đến hạn 12/09/2023 (còn 7 ngày)"
    ]


# The connection is TLS from the first byte; aiosmtpd only cannot tell.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_implicit_tls_with_a_login(
    planner: Planner,
    clock: FixedClock,
    tls_server: MailServer,
    certificate: tuple[ssl.SSLContext, Path],
) -> None:
    env = secure_env(tls_server, "tls", certificate[1], PASSWORD)
    assert send(planner, clock, env) == [None]
    assert len(tls_server.received) == 1


def test_a_refused_login_is_recorded_without_the_password(
    planner: Planner,
    clock: FixedClock,
    starttls_server: MailServer,
    certificate: tuple[ssl.SSLContext, Path],
) -> None:
    env = secure_env(starttls_server, "starttls", certificate[1], "sai-mật-khẩu")
    [error] = send(planner, clock, env)
    assert error is not None and "SMTPAuthenticationError" in error
    assert "sai-mật-khẩu" not in error and starttls_server.received == []
    settings = read_settings(env)
    assert "sai-mật-khẩu" not in repr(settings) + repr(settings.reminders())
