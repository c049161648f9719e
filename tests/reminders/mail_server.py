"""A real SMTP server on localhost (aiosmtpd) that keeps every message it accepts."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


@dataclass(frozen=True)
class Received:
    """One accepted message: the envelope's recipients and the parsed MIME message."""

    recipients: tuple[str, ...]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def part(self, subtype: str) -> str:
        body = self.message.get_body(preferencelist=(subtype,))
        assert body is not None, f"no text/{subtype} part in {self.subject}"
        return str(body.get_content())  # type: ignore[attr-defined]


class Inbox:
    async def handle_RCPT(  # noqa: N802
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.unknown:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        with self.lock:
            self.received.append(Received(tuple(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.unknown: set[str] = set()  # addresses refused for good (550), as a real server would
        self.lock = threading.Lock()


class MailServer:
    """Started and stopped by the tests, to show an outage; the inbox survives restarts."""

    def __init__(self, **options: Any) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self.options = options  # aiosmtpd's: TLS contexts, an authenticator...
        self.controller: Controller | None = None

    @property
    def received(self) -> list[Received]:
        with self.inbox.lock:
            return list(self.inbox.received)

    def start(self) -> None:
        self.controller = Controller(
            self.inbox, hostname="127.0.0.1", port=self.port, **self.options
        )
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def env(self) -> dict[str, str]:
        return {
            "PLANNER_SMTP_HOST": "127.0.0.1",
            "PLANNER_SMTP_PORT": str(self.port),
            "PLANNER_SMTP_SECURITY": "none",
            "PLANNER_MAIL_FROM": "Sở Nội vụ tỉnh Bắc Kạn <cchc@snv.backan.gov.vn>",
            "PLANNER_BASE_URL": "https://cchc.backan.gov.vn",
        }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
