"""What a day's reminder run would send, as the JSON `reminders preview --json` and
/api/reminders/preview answer with."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

from planner.application.reminders import Message
from planner.domain.reminder_outbox import (
    Digest,
    DueItem,
    Escalation,
    Notice,
    Outbox,
    ReportMail,
)


def outbox_json(outbox: Outbox, emails: list[tuple[Message, EmailMessage]]) -> dict[str, Any]:
    return {
        "on": outbox.day,
        "day_off": outbox.day_off,
        "messages": [_message_json(message, email) for message, email in emails],
        "unreachable": [
            {
                "recipient": d.recipient.code,
                "recipient_name": d.recipient.name,
                "items": [_notice_json(n) for n in d.notices],
            }
            for d in outbox.unreachable
        ],
        "waiting": len(outbox.waiting),
    }


def _message_json(message: Message, email: EmailMessage) -> dict[str, Any]:
    found: dict[str, Any] = {
        "kind": _kind(message),
        "recipient": message.recipient.code,
        "recipient_name": message.recipient.name,
        "to": list(message.recipient.emails),
        "subject": str(email["Subject"]),
        "message_id": str(email["Message-ID"]),
    }
    if isinstance(message, Digest):
        found["items"] = [_notice_json(n) for n in message.notices]
    if isinstance(message, ReportMail):
        report = message.report
        found["report"] = {
            "plan_id": report.plan_id,
            "plan_number": report.plan_number,
            "period": report.period,
            "due_on": report.due_on,
        }
    if isinstance(message, Escalation):
        found["week"] = message.week
        found["agencies"] = [
            {
                "agency": a.recipient.code,
                "agency_name": a.recipient.name,
                "has_email": bool(a.recipient.emails),
                "tasks": [{**_item_json(t.item), "days_late": t.days_late} for t in a.tasks],
            }
            for a in message.agencies
        ]
        found["without_email"] = [
            {
                "agency": u.recipient.code,
                "agency_name": u.recipient.name,
                "open_items": u.open_items,
            }
            for u in message.unreachable
        ]
    return found


def _kind(message: Message) -> str:
    if isinstance(message, Digest):
        return "digest"
    return "escalation" if isinstance(message, Escalation) else "report"


def _notice_json(notice: Notice) -> dict[str, Any]:
    return {
        **_item_json(notice.item),
        "days": notice.days,
        "offset": notice.claim.key.offset,
        "folds": list(notice.claim.folds),
    }


def _item_json(item: DueItem) -> dict[str, Any]:
    return {
        "item": item.item,
        "kind": item.kind.value,
        "task_id": item.task_id,
        "plan_number": item.plan_number,
        "reference": item.reference,
        "text": item.text,
        "occurrence": item.occurrence,
        "due_on": item.due_on,
    }
