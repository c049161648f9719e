"""Sending e-mail through the province's SMTP server with aiosmtplib."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from email.utils import getaddresses

import aiosmtplib

from notifications.mime_policy import SMTP_POLICY
from planner.application.reminder_settings import MailSettings, Security

CONNECTIONS = 4  # at most this many messages in flight at once, to spare the mail server


class Mailer:
    def __init__(self, settings: MailSettings) -> None:
        self.settings = settings

    def send_all(self, messages: Sequence[EmailMessage]) -> list[str | None]:
        """Send every message and wait; callable from any thread, inside an event loop too."""
        if not messages:
            return []
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(self.deliver(messages))
        # A thread already running a loop (an async caller) cannot start another in itself.
        with ThreadPoolExecutor(max_workers=1) as worker:
            return worker.submit(asyncio.run, self.deliver(messages)).result()

    async def deliver(self, messages: Sequence[EmailMessage]) -> list[str | None]:
        """For each message, None when the server accepted it, else the reason it did not."""
        gate = asyncio.Semaphore(CONNECTIONS)

        async def one(message: EmailMessage) -> str | None:
            async with gate:
                return await self.send(message)

        return list(await asyncio.gather(*(one(m) for m in messages)))

    async def send(self, message: EmailMessage) -> str | None:
        """None once the server accepted the message, else why it did not."""
        settings = self.settings
        # Written out here, not by aiosmtplib, to keep the subject's encoding (see mime_policy).
        raw = message.as_bytes(policy=SMTP_POLICY)
        try:
            await aiosmtplib.send(
                raw,
                sender=_addresses(message, "From")[0],
                recipients=_addresses(message, "To"),
                hostname=settings.host,
                port=settings.port,
                username=settings.user,
                password=settings.password,
                use_tls=settings.security is Security.TLS,
                start_tls=settings.security is Security.STARTTLS,
                cert_bundle=settings.ca_file,
                timeout=settings.timeout,
            )
        except (aiosmtplib.SMTPException, OSError) as error:
            return f"máy chủ thư {settings.host}:{settings.port}: {_describe(error)}"
        return None


def _addresses(message: EmailMessage, header: str) -> list[str]:
    return [address for _, address in getaddresses(message.get_all(header, []))]


def _describe(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return f"{type(error).__name__}: {text}"
