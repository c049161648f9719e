"""The one shape of every refusal the API answers, documented on every route."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class FieldProblem(BaseModel):
    loc: list[str] = Field(description='Vị trí trường bị từ chối, vd. ["body", "percent"]')
    msg: str = Field(description="Vì sao, bằng tiếng Việt")
    type: str


class ErrorAnswer(BaseModel):
    """A refusal: its code, a Vietnamese message for people, and the fields at fault."""

    code: str = Field(description="Mã lỗi ổn định cho chương trình, vd. not_found, conflict")
    message: str = Field(description="Thông báo tiếng Việt, nói rõ cái gì và ở đâu")
    detail: list[FieldProblem]


def _refusal(description: str) -> dict[str, Any]:
    return {"model": ErrorAnswer, "description": description}


ERRORS: dict[int | str, dict[str, Any]] = {
    400: _refusal("Thân yêu cầu không đọc được (không phải JSON hợp lệ)"),
    401: _refusal("Chưa đăng nhập, token hết hạn hoặc đã bị thu hồi"),
    403: _refusal("Không có quyền: việc của cơ quan khác, hoặc chỉ Sở Nội vụ/quản trị được làm"),
    404: _refusal("Không có đối tượng này (hoặc người gửi không được thấy nó)"),
    409: _refusal("Xung đột: phiên bản đã đổi (`expected_version`) hoặc đã có"),
    422: _refusal("Dữ liệu không hợp lệ; `detail[].loc` chỉ trường bị từ chối"),
    503: _refusal("Cơ sở dữ liệu tạm thời không trả lời; thử lại sau `Retry-After` giây"),
}

TOO_MANY_ATTEMPTS: dict[int | str, dict[str, Any]] = {
    429: _refusal("Đăng nhập sai quá nhiều lần; thử lại sau `Retry-After` giây"),
}
