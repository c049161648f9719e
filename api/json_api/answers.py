"""What the JSON API answers: one model per kind of answer, over the views' own records.

FastAPI documents these in /openapi.json and writes them in pydantic-core: dates ISO 8601,
points and percentages decimal strings, ids as text, as `planner ... --json` prints them.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, Field

from api.json_api.paging import NEXT_DESCRIPTION
from planner.queries.agencies import AgencyView
from planner.queries.basis import Basis
from planner.queries.history import HistoryEntry
from planner.queries.inputs import InputCounts, InputView
from planner.queries.overdue import OverdueItem
from planner.queries.plans import PlanView
from planner.queries.progress import AgencyProgress
from planner.queries.score_board import ScoreLine
from planner.queries.tasks import TaskView
from planner.queries.users import UserView

Next = Field(description=NEXT_DESCRIPTION)
Plan = Field(description="Số hiệu kế hoạch được chọn; null: mọi kế hoạch")


class SignedInToken(BaseModel):
    access_token: str = Field(description="Gửi kèm 'Authorization: Bearer <token>'")
    token_type: str = "bearer"
    expires_in: int = Field(description="Số giây token còn dùng được")


class Me(BaseModel):
    user: UserView
    represents: list[str] = Field(description="Cơ quan khác mà tài khoản này làm thay")


class OneUser(BaseModel):
    user: UserView


class Users(BaseModel):
    users: list[UserView]


class UserPage(Users):
    next: str | None = Next


class OneTask(BaseModel):
    task: TaskView


class AddedTask(OneTask):
    warning: str | None = Field(description="Cách đọc thời hạn cần xem lại, nếu có")


class TaskPage(BaseModel):
    tasks: list[TaskView]
    next: str | None = Next


class History(BaseModel):
    aggregate_id: UUID
    entries: list[HistoryEntry]
    next: str | None = Next


class CalendarHistory(BaseModel):
    entries: list[HistoryEntry]
    next: str | None = Next


class UploadedFile(BaseModel):
    file: str = Field(description="Mã tệp, để ghi vào `evidence[].file`")
    name: str


class TaskInputs(BaseModel):
    task_id: UUID
    inputs: list[InputView]


class OnePlan(BaseModel):
    plan: PlanView


class PlanPage(BaseModel):
    plans: list[PlanView]
    next: str | None = Next


class TargetBoard(BaseModel):
    target_id: UUID
    lines: list[ScoreLine] = Field(description="Bảng điểm của kế hoạch sau khi đặt mục tiêu")


class TargetHistory(BaseModel):
    target_id: UUID
    entries: list[HistoryEntry]


class Agencies(BaseModel):
    agencies: list[AgencyView]


class AgencyPage(Agencies):
    next: str | None = Next


class ProvinceDay(BaseModel):
    day: date
    reason: str


class ProvinceDays(BaseModel):
    days_off: list[ProvinceDay]
    working_days: list[ProvinceDay]


class Overdue(BaseModel):
    on: date
    basis: Basis
    plan: str | None = Plan
    count: int = Field(description="Số kỳ quá hạn trong cả danh sách (mọi trang)")
    items: list[OverdueItem]
    next: str | None = Next


class ProgressByAgency(BaseModel):
    on: date
    basis: Basis
    plan: str | None = Plan
    agencies: list[AgencyProgress]
    next: str | None = Next


class Scores(BaseModel):
    plan: str | None = Plan
    lines: list[ScoreLine]


class InputsOwed(BaseModel):
    on: date
    plan: str | None = Plan
    agencies: list[InputCounts]
    next: str | None = Next


class LateReminders(BaseModel):
    sent: list[str] = Field(description="Cơ quan đã được gửi thư nhắc")
    failed: dict[str, str] = Field(description="Cơ quan chưa gửi được, và vì sao")


class Alive(BaseModel):
    status: str
    process: int = Field(description="Tiến trình đã trả lời, khi nhiều tiến trình cùng phục vụ")


class Readiness(BaseModel):
    status: str = Field(description="ready, hoặc catching_up khi số liệu còn chậm")
    lag_events: int = Field(description="Số sự kiện chưa vào số liệu")
