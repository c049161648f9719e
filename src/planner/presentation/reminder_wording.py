"""How reminders name deadlines to people: Vietnamese, dd/mm/yyyy."""

from __future__ import annotations

from planner.domain.reminder_outbox import DueItem, ItemKind
from planner.domain.task_status import Status
from planner.presentation.vietnamese import format_date, shorten

LABEL_LENGTH = 60  # where a line must stay short: subjects, the terminal's preview table


def label(item: DueItem) -> str:
    """A task's reference and its whole text; an obligation's text (for the mail's body)."""
    return f"{item.reference} {item.text}" if item.reference else item.text


def brief_label(item: DueItem) -> str:
    """The reference and the text's first words, for a table row in a terminal."""
    text = shorten(item.text, LABEL_LENGTH)
    return f"{item.reference} {text}" if item.reference else text


def short_label(item: DueItem) -> str:
    """For subject lines: the reference alone when there is one, else the first words."""
    return item.reference or shorten(item.text, LABEL_LENGTH)


def when(days: int) -> str:
    """Where a deadline stands: còn 3 ngày, đến hạn hôm nay, quá hạn 6 ngày."""
    if days > 0:
        return f"quá hạn {days} ngày"
    if days == 0:
        return "đến hạn hôm nay"
    return f"còn {-days} ngày"


def status(item: DueItem) -> str:
    if item.kind is ItemKind.OBLIGATION:
        return "Yêu cầu chung của kế hoạch"
    if item.kind is ItemKind.SCORING:
        return "Chưa hoàn thành"
    if item.kind is ItemKind.INPUT:
        return "Cơ quan phối hợp: chưa gửi ý kiến, số liệu cho cơ quan chủ trì"
    return f"{Status(item.status).label} ({item.percent}%)"


def occurrence(item: DueItem) -> str:
    shown = item.kind in (ItemKind.TASK, ItemKind.INPUT) and item.occurrence
    return f"kỳ {item.occurrence}" if shown else ""


def due(item: DueItem) -> str:
    return format_date(item.due_on)
