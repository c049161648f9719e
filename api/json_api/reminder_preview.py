"""What /api/reminders/preview answers: the messages a day's reminder run would send."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, Field


class Item(BaseModel):
    item: str
    kind: str = Field(description="task (nhiệm vụ) hoặc obligation (yêu cầu của kế hoạch)")
    task_id: UUID | None
    plan_number: str
    reference: str
    text: str
    occurrence: str
    due_on: date


class Notice(Item):
    days: int = Field(description="Số ngày còn lại đến hạn (âm: đã quá hạn)")
    offset: int
    folds: list[int] = Field(description="Các lần nhắc trước chưa gửi được, gộp vào thư này")


class LateItem(Item):
    days_late: int


class AgencyLate(BaseModel):
    agency: str
    agency_name: str
    has_email: bool
    tasks: list[LateItem]


class WithoutEmail(BaseModel):
    agency: str
    agency_name: str
    open_items: int


class ReportDue(BaseModel):
    plan_id: UUID
    plan_number: str
    period: str
    due_on: date


class PreviewMessage(BaseModel):
    """One e-mail; the fields after `message_id` belong to its kind only."""

    kind: str = Field(description="digest (nhắc hạn), escalation (báo Sở Nội vụ), report")
    recipient: str
    recipient_name: str
    to: list[str]
    subject: str
    message_id: str
    items: list[Notice] | None = None
    report: ReportDue | None = None
    week: str | None = None
    agencies: list[AgencyLate] | None = None
    without_email: list[WithoutEmail] | None = None


class Unsendable(BaseModel):
    recipient: str
    recipient_name: str
    items: list[Notice]


class ReminderPreview(BaseModel):
    on: date
    day_off: str | None = Field(description="Vì sao hôm đó không gửi (ngày nghỉ), nếu vậy")
    messages: list[PreviewMessage]
    unreachable: list[Unsendable] = Field(description="Đến hạn nhắc nhưng cơ quan chưa có e-mail")
    waiting: int = Field(description="Thư gửi lỗi, chờ gửi lại")
