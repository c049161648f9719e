"""Reminder e-mails from Jinja2 templates: plain text and HTML, Vietnamese, one per recipient."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from notifications.mime_policy import SMTP_POLICY
from notifications.subjects import digest_subject, escalation_subject
from planner.application.reminder_settings import MailSettings, ReminderSettings, Security
from planner.application.report_mail import attach, report_subject
from planner.domain.reminder_outbox import Digest, Escalation, Recipient, ReportMail
from planner.presentation import reminder_wording as wording
from planner.presentation.vietnamese import format_date
from planner.reports.delivery import RenderedReport

PREVIEW_SENDER = "planner <planner@localhost>"


class Composer:
    def __init__(self, settings: ReminderSettings) -> None:
        self.settings = settings
        # A preview needs no mail server; it shows the sender the settings would use.
        self.mail = settings.mail or MailSettings("", 0, Security.NONE, PREVIEW_SENDER)
        self.templates = Environment(
            loader=PackageLoader("notifications", "templates"),
            autoescape=select_autoescape(["html", "html.j2"]),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.templates.filters["vn_date"] = format_date
        self.templates.globals.update(
            label=wording.label,
            when=wording.when,
            status=wording.status,
            occurrence=wording.occurrence,
            due=wording.due,
            link=settings.task_link,
        )

    def compose(self, message: Digest | Escalation, digest_id: str, now: datetime) -> EmailMessage:
        """The e-mail for a digest or an escalation; the same digest always gets the same id."""
        context: dict[str, Any]
        if isinstance(message, Digest):
            subject, template, context = digest_subject(message), "reminder", {"digest": message}
        else:
            subject, template = escalation_subject(message), "escalation"
            context = {"escalation": message}
        email = self._envelope(subject, message.recipient, digest_id, now)
        email.set_content(self._render(f"{template}.txt.j2", subject, context))
        email.add_alternative(self._render(f"{template}.html.j2", subject, context), subtype="html")
        return email

    def compose_report(
        self,
        mail: ReportMail,
        html: RenderedReport,
        xlsx: RenderedReport,
        digest_id: str,
        now: datetime,
    ) -> EmailMessage:
        """A plan's report to Sở Nội vụ: a short text, the HTML report, the XLSX attached."""
        as_of = html.report.as_of
        subject = report_subject(mail, as_of)
        email = self._envelope(subject, mail.recipient, digest_id, now)
        context = {"mail": mail, "report": html.report, "as_of": as_of, "filename": xlsx.filename}
        email.set_content(self._render("report.txt.j2", subject, context))
        attach(email, html, xlsx)
        return email

    def _envelope(
        self, subject: str, recipient: Recipient, digest_id: str, now: datetime
    ) -> EmailMessage:
        email = EmailMessage(policy=SMTP_POLICY)
        email["Subject"] = _nfc(subject)
        email["From"] = self.mail.sender
        email["To"] = ", ".join(recipient.emails)
        email["Date"] = format_datetime(now)
        email["Message-ID"] = f"<{digest_id}@{self.mail.sender_domain}>"
        email["Content-Language"] = "vi"
        email["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
        return email

    def _render(self, name: str, subject: str, context: dict[str, Any]) -> str:
        return _nfc(self.templates.get_template(name).render(subject=subject, **context))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
