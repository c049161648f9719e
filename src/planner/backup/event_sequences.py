"""Each aggregate's events must run 1, 2, 3… without a gap or a repeat, or the first command
on it after a restore fails; and each event's type must be one this release can read."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import TopicError, resolve_topic

# Only our domain's classes are looked up: a topic naming any other module is refused before
# it is imported, so checking an archive from elsewhere runs none of its choosing.
DOMAIN = "planner.domain."

# What people call each aggregate, for the message that names a broken sequence.
KINDS = {
    "Agency": "cơ quan",
    "ApiToken": "mã truy cập",
    "CriteriaSet": "bộ tiêu chí",
    "ImportRecord": "lần nhập",
    "LocalCalendar": "lịch làm việc",
    "Plan": "kế hoạch",
    "Reminder": "nhắc hạn",
    "ScoreTarget": "mục tiêu",
    "ScoringRound": "đợt chấm điểm",
    "Task": "nhiệm vụ",
    "UnitScorecard": "phiếu chấm điểm",
    "User": "tài khoản",
}


class EventSequences:
    """Fed the events in notification order; `problem` says what is wrong with the next one."""

    def __init__(self) -> None:
        self.last_versions: dict[UUID | str, int] = {}
        self.known_topics: dict[str, int] = {}

    def problem(self, stored: StoredEvent, state: dict[str, Any]) -> str | None:
        """What is wrong with this event after the ones before it; None if nothing."""
        unreadable = self._unreadable(stored.topic, state)
        if unreadable:
            return unreadable
        version = stored.originator_version
        last = self.last_versions.get(stored.originator_id, 0)
        if version != last + 1:
            return _broken_sequence(stored, last)
        self.last_versions[stored.originator_id] = version
        return None

    def _unreadable(self, topic: str, state: dict[str, Any]) -> str | None:
        if topic not in self.known_topics:
            try:
                if not topic.startswith(DOMAIN):
                    raise TopicError(topic)
                self.known_topics[topic] = getattr(resolve_topic(topic), "class_version", 1)
            except TopicError:
                return f"loại sự kiện '{topic}' không có trong phiên bản planner này"
        written = state.get("class_version", 1)
        if not isinstance(written, int) or written > self.known_topics[topic]:
            return (
                f"sự kiện '{topic}' phiên bản cấu trúc {written} mới hơn phiên bản planner này "
                "đọc được; phục hồi bằng phiên bản planner đã tạo bản sao lưu hoặc mới hơn"
            )
        return None


def _broken_sequence(stored: StoredEvent, last: int) -> str:
    version = stored.originator_version
    name = f"{_kind(stored.topic)} {stored.originator_id}"
    if version < 1:
        return f"{name}: phiên bản {version} không hợp lệ (phiên bản bắt đầu từ 1)"
    if version <= last:
        return f"{name} có phiên bản {version} lần nữa (đã có tới phiên bản {last})"
    if version == last + 2:
        return f"{name} thiếu phiên bản {last + 1} (dòng này là phiên bản {version})"
    return (
        f"{name} thiếu các phiên bản {last + 1} đến {version - 1} (dòng này là phiên bản {version})"
    )


def _kind(topic: str) -> str:
    """'planner.domain.task:Task.Completed' → 'nhiệm vụ'."""
    aggregate = topic.partition(":")[2].split(".")[0]
    return KINDS.get(aggregate, f"đối tượng {aggregate}")
