"""Sending e-mail through the province's SMTP server with aiosmtplib."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from email.utils import getaddresses

import aiosmtplib

from notifications.mime_policy import SMTP_POLICY
from planner.application.reminder_settings import MailSettings, Security
from planner.application.reminders import NotSent


class Mailer:
    def __init__(self, settings: MailSettings) -> None:
        self.settings = settings

    def send(self, message: EmailMessage) -> NotSent | None:
        """Send one message and wait; callable from any thread, inside an event loop too."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(self.deliver(message))
        # A thread already running a loop (an async caller) cannot start another in itself.
        with ThreadPoolExecutor(max_workers=1) as worker:
            return worker.submit(asyncio.run, self.deliver(message)).result()

    async def deliver(self, message: EmailMessage) -> NotSent | None:
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
            where = f"máy chủ thư {settings.host}:{settings.port}"
            return NotSent(f"{where}: {_describe(error)}", _permanent(error))
        return None


def _permanent(error: Exception) -> bool:
    """A 5xx answer (every recipient refused included): sending again would be refused again."""
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return all(refusal.code >= 500 for refusal in error.recipients)
    code = getattr(error, "code", None)
    return isinstance(code, int) and 500 <= code < 600


def _addresses(message: EmailMessage, header: str) -> list[str]:
    return [address for _, address in getaddresses(message.get_all(header, []))]


def _describe(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return f"{type(error).__name__}: {text}"
