"""How pages name statuses, events and roles, in the words Sở Nội vụ and agencies use."""

from __future__ import annotations

from planner.domain.task_status import Status

EVENT_NAMES = {
    "Added": "Thêm nhiệm vụ",
    "Started": "Bắt đầu thực hiện",
    "ProgressReported": "Báo cáo tiến độ",
    "Completed": "Hoàn thành",
    "Blocked": "Báo vướng mắc",
    "Unblocked": "Gỡ vướng mắc",
    "Cancelled": "Hủy",
    "Reopened": "Mở lại",
    "DeadlineChanged": "Điều chỉnh thời hạn",
    "Reassigned": "Giao lại",
    "ExtensionRequested": "Xin gia hạn",
    "ExtensionDecided": "Quyết định gia hạn",
    "InputSent": "Gửi ý kiến/số liệu",
    "MarkedNotApplicable": "Không áp dụng",
    "MarkedApplicable": "Áp dụng trở lại",
    "PartsExtended": "Gia hạn cho cơ quan",
}

ROLE_NAMES = {
    "agency": "Cán bộ cơ quan",
    "monitor": "Sở Nội vụ (theo dõi)",
    "admin": "Quản trị",
    "system": "Hệ thống",
}

ACTION_NAMES = {
    "start": "Bắt đầu",
    "progress": "Báo cáo tiến độ",
    "complete": "Hoàn thành",
    "block": "Báo vướng mắc",
    "unblock": "Gỡ vướng mắc",
    "reopen": "Mở lại",
    "cancel": "Hủy",
    "deadline": "Điều chỉnh thời hạn",
    "reassign": "Giao lại",
    "request_extension": "Xin gia hạn",
    "decide_extension": "Quyết định gia hạn",
    "send_input": "Gửi ý kiến/số liệu",
    "not_applicable": "Phần việc không áp dụng",
    "extend_parts": "Gia hạn cho cơ quan",
}


def status_name(value: str) -> str:
    return Status(value).label
