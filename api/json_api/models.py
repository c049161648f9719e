"""Request bodies. Text is NFC, bounded and free of control characters, so nothing a client
sends can reach the database in a form it refuses."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from api.days import Day
from api.plain_text import plain
from planner.domain.actor import Role
from planner.domain.agency import AgencyKind
from planner.domain.score_target import ResultKind

Text = Annotated[str, Field(max_length=4000), AfterValidator(plain)]
Name = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(plain)]
Link = Annotated[str, Field(max_length=2000), AfterValidator(plain)]
AgencyCode = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,31}$")]
Occurrence = Annotated[str, Field(max_length=16, pattern=r"^[0-9A-Za-z\-]*$")]
Version = Annotated[int, Field(ge=1, le=2**31)]
Year = Annotated[int, Field(ge=2000, le=2100)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Login(Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"username": "can-bo.stttt", "password": "mat-khau-cua-ban"}]
        },
    )

    username: Annotated[str, Field(min_length=1, max_length=64), AfterValidator(plain)]
    password: Annotated[str, Field(min_length=1, max_length=256), AfterValidator(plain)]


class EvidenceIn(Body):
    """A named web link, or a file uploaded first to POST /api/files."""

    name: Name
    link: Link | None = None
    file: Annotated[str, Field(pattern=r"^[0-9a-f]{64}(\.[a-z0-9]{1,8})?$")] | None = None


class Change(Body):
    occurrence: Occurrence | None = Field(
        None, description="Kỳ của nhiệm vụ định kỳ (vd. 2023-Q3); bỏ trống nếu chỉ có một kỳ"
    )
    expected_version: Version | None = Field(
        None, description="Phiên bản đang xem; khác phiên bản hiện tại thì trả 409"
    )


class Dated(Change):
    effective_on: date | None = Field(
        None,
        description="Ngày việc đã diễn ra, nếu trước hôm nay; cần `backdated_because`. Cán bộ "
        "cơ quan lùi được tối đa PLANNER_BACKDATE_DAYS ngày, Sở Nội vụ không giới hạn",
    )
    backdated_because: Text = Field("", description="Lý do ghi nhận lùi ngày")

    def dated(self) -> dict[str, Any]:
        """The service's keyword arguments for the effective day."""
        return {"effective_on": self.effective_on, "because": self.backdated_because}


class OnPart(Dated):
    part: AgencyCode | None = Field(
        None,
        description="Mã cơ quan có phần việc (nhiệm vụ do nhiều cơ quan chủ trì); bỏ trống: "
        "phần của cơ quan người gửi",
    )

    def on_part(self) -> dict[str, Any]:
        """The service's keyword arguments for the effective day and the part."""
        return {**self.dated(), "part": self.part}


class Start(OnPart):
    pass


class Progress(OnPart):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"percent": 60, "note": "Đã trình UBND tỉnh dự thảo quy chế", "expected_version": 3}
            ]
        },
    )

    percent: Annotated[int, Field(ge=0, le=100)] | None = None
    note: Text = ""
    evidence: Annotated[list[EvidenceIn], Field(max_length=20)] = []


class Complete(OnPart):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "note": "Đã khắc phục lỗi thanh toán trực tuyến",
                    "evidence": [
                        {"name": "Thông báo trên Cổng", "link": "https://stttt.backan.gov.vn/tb"}
                    ],
                }
            ]
        },
    )

    note: Text = ""
    evidence: Annotated[list[EvidenceIn], Field(max_length=20)] = []


class WithReason(Dated):
    reason: Text


class PartWithReason(OnPart):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"reason": "Chờ Bộ Thông tin và Truyền thông hướng dẫn"}]},
    )

    reason: Text


class NotApplicable(Body):
    bodies: Annotated[list[Name], Field(min_length=1, max_length=200)] = Field(
        description="Các cơ quan (mã hoặc tên) có phần việc không áp dụng"
    )
    occurrences: Annotated[list[Occurrence], Field(max_length=60)] = Field(
        [], description="Các kỳ; bỏ trống: mọi kỳ còn mở"
    )
    reason: Text
    applicable: bool = Field(False, description="true: áp dụng trở lại")
    expected_version: Version | None = None


class PartsExtension(Body):
    bodies: Annotated[list[Name], Field(min_length=1, max_length=200)] = Field(
        description="Các cơ quan (mã hoặc tên) được gia hạn phần việc của mình"
    )
    occurrences: Annotated[list[Occurrence], Field(max_length=60)] = Field(
        [], description="Các kỳ; bỏ trống: mọi kỳ còn mở"
    )
    to: date = Field(description="Gia hạn đến ngày (thời hạn cũ vẫn dùng để tính đúng hạn)")
    reason: Text
    expected_version: Version | None = None
    effective_on: date | None = None
    backdated_because: Text = ""


class Unblock(OnPart):
    note: Text = ""


class Deadline(Dated):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "due_on": "2023-12-15",
                    "reason": "UBND tỉnh cho lùi hạn tại Thông báo 120/TB-UBND",
                }
            ]
        },
    )

    due_on: Day
    reason: Text


class Reassign(Body):
    lead: Annotated[list[Name], Field(min_length=1, max_length=50)]
    coordinating: Annotated[list[Name], Field(max_length=100)] = []
    reason: Text
    expected_version: Version | None = None
    effective_on: date | None = None
    backdated_because: Text = ""


class ExtensionRequest(Change):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"to": "2023-12-31", "reason": "Chờ kết quả khảo sát SIPAS"}]
        },
    )

    to: date = Field(description="Xin gia hạn đến ngày")
    reason: Text


class ExtensionDecision(Dated):
    approved: bool = Field(description="true: đồng ý gia hạn; false: không đồng ý")
    reason: Text


class NewTask(Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "plan_id": "57183f23-8732-51a5-9414-38d4555adc42",
                    "reference": "PL2 VII.6",
                    "text": "Duy trì Cổng dịch vụ công của tỉnh",
                    "criteria": ["7.3"],
                    "lead": ["STTTT"],
                    "coordinating": ["VPUBND"],
                    "schedule": "Quý IV/2023",
                }
            ]
        },
    )

    plan_id: UUID
    reference: Annotated[str, Field(max_length=100), AfterValidator(plain)] = ""
    text: Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(plain)]
    criteria: Annotated[list[Name], Field(max_length=20)] = Field(
        [], description="Mã tiêu chí, vd. '1.2' hoặc 'SIPAS:1.1'"
    )
    lead: Annotated[list[Name], Field(min_length=1, max_length=50)]
    coordinating: Annotated[list[Name], Field(max_length=100)] = []
    schedule: Name = Field(description="Thời gian thực hiện như văn bản ghi, vd. 'Quý III/2023'")
    expected_output: Text = ""
    effective_on: date | None = Field(
        None,
        description="Ngày nhiệm vụ có hiệu lực nếu trước hôm nay (vd. ngày ban hành kế hoạch), "
        "để các cơ quan ghi nhận được việc đã làm từ ngày đó",
    )


class NewPlan(Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "number": "365/KH-UBND",
                    "title": "Kế hoạch nâng cao Chỉ số CCHC năm 2023",
                    "province": "Bắc Kạn",
                    "year": 2023,
                    "indices": ["PAR_INDEX", "SIPAS"],
                    "issued_on": "2023-02-10",
                    "issuer": "UBND tỉnh Bắc Kạn",
                }
            ]
        },
    )

    number: Name
    title: Text
    province: Name
    year: Year
    indices: Annotated[list[Name], Field(min_length=1, max_length=3)]
    issued_on: Day | None = None
    issuer: Text = ""


class NewObligation(Body):
    key: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9\-]{0,63}$")]
    text: Text
    schedule: Name
    responsible: Annotated[list[Name], Field(min_length=1, max_length=50)]
    report_to: AgencyCode | None = None


class TargetIn(Body):
    index: Name = "PAR_INDEX"
    code: Annotated[str, Field(max_length=40), AfterValidator(plain)] = Field(
        description="Mã tiêu chí, vd. 'TCTP 3.2.3' hoặc '1.2'; bỏ trống: tổng điểm chỉ số"
    )
    year: Year
    name: Name
    target: Text = Field(description="Mục tiêu như văn bản ghi: điểm ('1,5'), % hoặc lời")
    max_points: Annotated[str, Field(max_length=20)] | None = None
    last_year_points: Annotated[str, Field(max_length=20)] | None = None
    survey_based: bool = False
    not_evaluated: bool = False
    reason: Text = ""


class ResultIn(Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"points": "1,5", "kind": "self_assessed", "note": "Theo biểu tự đánh giá"}
            ]
        },
    )

    points: Annotated[str, Field(min_length=1, max_length=20)] = Field(
        description="Điểm đạt được, '1,5' hoặc '1.5'"
    )
    kind: ResultKind = ResultKind.SELF_ASSESSED
    note: Text = ""
    expected_version: Version | None = None


class NewAgency(Body):
    code: AgencyCode
    name: Name
    kind: AgencyKind = AgencyKind.DEPARTMENT
    aliases: Annotated[list[Name], Field(max_length=20)] = []
    parent: AgencyCode | None = None
    emails: Annotated[list[Name], Field(max_length=20)] = []
    groups: Annotated[list[Name], Field(max_length=10)] = []


class Emails(Body):
    emails: Annotated[list[Name], Field(max_length=20)]


class Rename(Body):
    name: Name
    reason: Text


class Reorganisation(Body):
    effective_on: Day
    reason: Text


class Merge(Reorganisation):
    into: AgencyCode


class Split(Reorganisation):
    successors: Annotated[list[AgencyCode], Field(min_length=2, max_length=20)]
    carried_by: AgencyCode


class Dissolve(Reorganisation):
    successor: AgencyCode | None = None


class NewUser(Body):
    username: Annotated[str, Field(min_length=3, max_length=64, pattern=r"^[A-Za-z0-9._\-]+$")]
    agency: AgencyCode
    role: Role = Field(description="agency, monitor hoặc admin")
    password: Annotated[str, Field(min_length=1, max_length=256), AfterValidator(plain)]


class NewPassword(Body):
    password: Annotated[str, Field(min_length=1, max_length=256), AfterValidator(plain)]


class Reason(Body):
    reason: Text


class CalendarDay(Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"day": "2023-09-01", "reason": "Nghỉ bù theo Quyết định của UBND tỉnh"}]
        },
    )

    """A day the province adds to (or withdraws from) the national calendar."""

    day: Day
    reason: Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(plain)]


class InputDays(Body):
    days: Annotated[int, Field(ge=0, le=30)] = Field(
        description="Số ngày làm việc trước hạn của cơ quan chủ trì"
    )
    reason: Text


class Input(Dated):
    note: Text = ""
    evidence: Annotated[list[EvidenceIn], Field(max_length=20)] = []
    body: AgencyCode | None = Field(
        None, description="Sở Nội vụ ghi nhận thay cơ quan phối hợp này; bỏ trống: của người gửi"
    )
