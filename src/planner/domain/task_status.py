"""A task's (or occurrence's) lifecycle and the changes it allows."""

from datetime import date
from enum import StrEnum


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    COMPLETED = "completed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """The status as Vietnamese users name it."""
        return LABELS[self]

    @property
    def is_closed(self) -> bool:
        """Closed work is never overdue."""
        return self in CLOSED


CLOSED = frozenset({Status.COMPLETED, Status.CANCELLED})


LABELS = {
    Status.NOT_STARTED: "Chưa thực hiện",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.BLOCKED: "Gặp vướng mắc",
    Status.COMPLETED: "Hoàn thành",
    Status.CANCELLED: "Đã hủy",
}

# Which statuses each change may start from.
ALLOWED_FROM: dict[str, frozenset[Status]] = {
    "start": frozenset({Status.NOT_STARTED}),
    "progress": frozenset({Status.NOT_STARTED, Status.IN_PROGRESS, Status.BLOCKED}),
    "complete": frozenset({Status.NOT_STARTED, Status.IN_PROGRESS}),
    "block": frozenset({Status.NOT_STARTED, Status.IN_PROGRESS}),
    "unblock": frozenset({Status.BLOCKED}),
    "cancel": frozenset({Status.NOT_STARTED, Status.IN_PROGRESS, Status.BLOCKED}),
    "reopen": frozenset({Status.COMPLETED, Status.CANCELLED}),
    "request_extension": frozenset({Status.NOT_STARTED, Status.IN_PROGRESS, Status.BLOCKED}),
    "send_input": frozenset({Status.NOT_STARTED, Status.IN_PROGRESS, Status.BLOCKED}),
}

ACTION_LABELS = {
    "start": "bắt đầu",
    "progress": "báo cáo tiến độ",
    "complete": "hoàn thành",
    "block": "báo vướng mắc",
    "unblock": "gỡ vướng mắc",
    "cancel": "hủy",
    "reopen": "mở lại",
    "change_deadline": "điều chỉnh thời hạn",
    "reassign": "giao lại",
    "request_extension": "xin gia hạn",
    "decide_extension": "quyết định gia hạn",
    "not_applicable": "đánh dấu không áp dụng",
    "extend_parts": "gia hạn cho cơ quan",
    "send_input": "gửi ý kiến, số liệu",
}


def on_time(completed_on: date | None, deadline_on: date | None) -> bool:
    """Hoàn thành đúng hạn: by the deadline in force when the work was due, extensions aside."""
    return deadline_on is None or (completed_on is not None and completed_on <= deadline_on)
