"""Units hear before self-assessment closes, Sở Nội vụ before the appraisal closes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.application.reminders import ReminderService
from planner.application.scoring import SelfAssessmentEntry
from planner.domain.actor import Role
from planner.domain.criteria_set import UnitKind
from tests.conftest import vietnam_time
from tests.reminders.mail_server import MailServer, Received
from tests.scoring.province import set_up_province

STP_EMAIL = "vanphong@stp.dienbien.gov.vn"
STC_EMAIL = "vanphong@stc.dienbien.gov.vn"
SNV_EMAIL = "cchc@snv.dienbien.gov.vn"


def reminded(server: MailServer) -> list[Received]:
    """Deadline reminders, leaving aside Sở Nội vụ's weekly digest of late tasks."""
    return [mail for mail in server.received if mail.subject.startswith("Nhắc hạn:")]


def test_units_still_scoring_and_the_appraisal_team_are_reminded_before_each_step(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    set_up_province(planner)
    for code, email in (("STP", STP_EMAIL), ("STC", STC_EMAIL), ("SNV", SNV_EMAIL)):
        planner.agencies.set_emails(code, (email,), planner.system)
    monitor = planner.actor("chuyen-vien.snv", "SNV", Role.MONITOR)
    clock.set(vietnam_time(date(2024, 12, 20)))
    planner.scoring.create_round(2024, UnitKind.DEPARTMENT, monitor, units=("STP", "STC"))
    # Sở Tài chính submits early; Sở Tư pháp has not finished.
    clock.set(vietnam_time(date(2025, 1, 10)))
    finance = planner.actor("can-bo.stc", "STC", Role.AGENCY)
    round_ = planner.scoring.round(2024, UnitKind.DEPARTMENT)
    card = planner.scoring.scorecard(2024, UnitKind.DEPARTMENT, "STC", finance)
    entries = [
        SelfAssessmentEntry(str(row.code), Decimal(0), (), "Chưa thực hiện")
        for row in card.own_rows(round_)
    ]
    planner.scoring.self_assess_many(2024, UnitKind.DEPARTMENT, "STC", entries, finance)
    planner.scoring.submit(2024, UnitKind.DEPARTMENT, "STC", finance)

    clock.set(vietnam_time(date(2025, 1, 24), 8))  # a week before self-assessment closes
    reminders.run(date(2025, 1, 24))
    [mail] = reminded(mail_server)
    assert mail.recipients == (STP_EMAIL,)
    text = mail.part("plain")
    assert "Kính gửi: Sở Tư pháp" in text
    assert "Đợt chấm điểm Chỉ số CCHC năm 2024 (các cơ quan chuyên môn thuộc UBND tỉnh)" in text
    assert "Tự chấm điểm Chỉ số CCHC và nộp kết quả tự đánh giá" in text
    assert "Hạn: 31/01/2025 (còn 7 ngày)" in text
    assert "Kế hoạch số" not in text

    clock.set(vietnam_time(date(2025, 2, 21), 8))  # a week before the appraisal closes
    reminders.run(date(2025, 2, 21))
    [_, to_the_team] = reminded(mail_server)
    assert to_the_team.recipients == (SNV_EMAIL,)
    team_text = to_the_team.part("plain")
    assert "Thẩm định kết quả tự đánh giá của các đơn vị" in team_text
    assert "Hạn: 28/02/2025 (còn 7 ngày)" in team_text
