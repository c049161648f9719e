"""Subject lines that say what is due and when."""

from __future__ import annotations

from planner.domain.reminder_outbox import Digest, Escalation, Notice
from planner.presentation.reminder_wording import short_label, when
from planner.presentation.vietnamese import format_date


def digest_subject(digest: Digest) -> str:
    parts = [part for part in (_late(digest.late), _coming(digest.coming)) if part]
    return "Nhắc hạn: " + "; ".join(parts)


def escalation_subject(escalation: Escalation) -> str:
    year, _, week = escalation.week.partition("-W")
    late = escalation.late_count
    subject = f"Nhiệm vụ quá hạn tuần {int(week)}/{year} ({format_date(escalation.day)}): "
    if late:
        subject += f"{late} nhiệm vụ quá hạn của {len(escalation.agencies)} cơ quan"
    else:
        subject += "không có nhiệm vụ quá hạn"
    if escalation.unreachable:
        subject += f"; {len(escalation.unreachable)} cơ quan chưa có e-mail"
    return subject


def _late(notices: tuple[Notice, ...]) -> str:
    if not notices:
        return ""
    if len(notices) == 1:
        [notice] = notices
        return f"{short_label(notice.item)} {when(notice.days)} (hạn {_due(notice)})"
    oldest = min(notices, key=lambda n: n.item.due_on)
    return f"{len(notices)} việc quá hạn (hạn sớm nhất {_due(oldest)})"


def _coming(notices: tuple[Notice, ...]) -> str:
    if not notices:
        return ""
    if len(notices) == 1:
        [notice] = notices
        if notice.days == 0:
            return f"{short_label(notice.item)} đến hạn hôm nay, {_due(notice)}"
        return f"{short_label(notice.item)} đến hạn {_due(notice)} ({when(notice.days)})"
    dates = sorted({n.item.due_on for n in notices})
    if len(dates) == 1:
        return f"{len(notices)} việc đến hạn {format_date(dates[0])}"
    return f"{len(notices)} việc đến hạn từ {format_date(dates[0])} đến {format_date(dates[-1])}"


def _due(notice: Notice) -> str:
    return format_date(notice.item.due_on)
