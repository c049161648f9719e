"""Agencies hear of their deadlines by e-mail before they pass, each reminder exactly once.

Every test sends through a real SMTP server on localhost and reads the MIME messages it got.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.application.reminders import ReminderService
from planner.bootstrap.container import Container
from planner.domain.schedule_text import read_schedule
from planner.projections.schema import reminders as reminder_table
from tests.builders import add_task, staff
from tests.command_line import run_planner
from tests.conftest import vietnam_time
from tests.reminders.mail_server import MailServer, Received
from tests.reminders.province import SNV_EMAIL, STP_EMAIL, province
from tests.store.view_snapshot import snapshot


def on(clock: FixedClock, day: date, hour: int = 8) -> date:
    clock.set(vietnam_time(day, hour))
    return day


def states(planner: Planner) -> list[tuple[Any, ...]]:
    with planner.views.engine.connect() as connection:
        rows = connection.execute(
            select(
                reminder_table.c.recipient,
                reminder_table.c.offset_days,
                reminder_table.c.state,
                reminder_table.c.attempts,
            ).order_by(reminder_table.c.recipient, reminder_table.c.offset_days)
        )
        return [tuple(row) for row in rows]


def test_an_agency_gets_a_vietnamese_text_and_html_reminder_with_a_link_to_its_task(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    _, justice, _ = province(planner)
    report = reminders.run(on(clock, date(2023, 9, 5)))

    [mail] = mail_server.received
    assert sorted(mail.recipients) == ["giamdoc@stp.backan.gov.vn", STP_EMAIL]
    assert mail.subject == "Nhắc hạn: PL2 I.1 đến hạn 12/09/2023 (còn 7 ngày)"
    assert mail.message["From"].addresses[0].display_name == "Sở Nội vụ tỉnh Bắc Kạn"
    assert mail.message.get_content_type() == "multipart/alternative"
    assert str(mail.message["Message-ID"]).endswith("@snv.backan.gov.vn>")
    text, html = mail.part("plain"), mail.part("html")
    link = f"https://cchc.backan.gov.vn/tasks/{justice}"
    assert "Kính gửi: Sở Tư pháp" in text
    assert "VIỆC SẮP ĐẾN HẠN" in text and "VIỆC ĐÃ QUÁ HẠN" not in text
    assert "Kế hoạch số 365/KH-UBND" in text
    assert "- PL2 I.1 Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh" in text
    assert "Hạn: 12/09/2023 (còn 7 ngày). Tình trạng: Chưa thực hiện (0%)." in text
    assert f"Cập nhật: {link}" in text
    assert f'<a href="{link}">PL2 I.1 Rà soát' in html and "<td>12/09/2023</td>" in html
    assert unicodedata.is_normalized("NFC", text) and unicodedata.is_normalized("NFC", html)
    assert "Công bố, công khai" not in text  # Văn phòng UBND tỉnh's task is not theirs

    assert [d.recipient.code for d in report.outbox.unreachable] == ["VPUBND"]
    assert states(planner) == [("STP", -7, "sent", 1)]


def test_one_digest_a_day_groups_late_and_coming_deadlines_of_an_agency(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    plan, _, _ = province(planner)
    add_task(planner, plan, "PL2 II.4", "Kiểm tra công tác tư pháp", "Sở Tư pháp", "Quý III/2023")
    add_task(planner, plan, "PL2 II.1", "Ban hành kế hoạch", "Sở Tư pháp", "Trước ngày 20/6/2023")
    reminders.run(on(clock, date(2023, 9, 26)))

    [mail] = mail_server.received
    assert mail.subject == (
        "Nhắc hạn: 2 việc quá hạn (hạn sớm nhất 20/06/2023); "
        "PL2 II.4 đến hạn 30/09/2023 (còn 4 ngày)"
    )
    text = mail.part("plain")
    assert text.index("VIỆC ĐÃ QUÁ HẠN") < text.index("PL2 II.1") < text.index("PL2 I.1")
    assert "Hạn: 20/06/2023 (quá hạn 98 ngày)" in text
    assert "Hạn: 12/09/2023 (quá hạn 14 ngày)" in text
    assert text.index("VIỆC SẮP ĐẾN HẠN") < text.index("PL2 II.4")


def test_nothing_is_sent_on_a_sunday_nor_during_tet(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    plan, _, _ = province(planner)
    add_task(planner, plan, "PL2 V.2", "Tổng kết năm", "Sở Tư pháp", "Trước ngày 19/02/2024")
    sunday = reminders.run(on(clock, date(2023, 9, 10)))
    tet = reminders.run(on(clock, date(2024, 2, 12)))
    assert mail_server.received == []
    assert (sunday.outbox.day_off, tet.outbox.day_off) == ("Chủ nhật", "Mùng ba Tết Nguyên Đán")


def test_each_reminder_goes_out_once_across_a_restart_and_downtime(
    planner: Planner,
    clock: FixedClock,
    root: Container,
    reminders: ReminderService,
    mail_server: MailServer,
) -> None:
    province(planner)
    reminders.run(on(clock, date(2023, 9, 5)))
    reminders.run(on(clock, date(2023, 9, 5), hour=15))
    with root.open_planner() as restarted:
        again = root.reminders(restarted).run(date(2023, 9, 5))
        assert again.deliveries == ()
        # Down from 6/9 to 10/9: the -3 reminder (Friday 8/9) is folded into Monday's -1.
        root.reminders(restarted).run(on(clock, date(2023, 9, 11)))
    assert [m.subject for m in mail_server.received] == [
        "Nhắc hạn: PL2 I.1 đến hạn 12/09/2023 (còn 7 ngày)",
        "Nhắc hạn: PL2 I.1 đến hạn 12/09/2023 (còn 1 ngày)",
    ]
    assert states(planner) == [("STP", -7, "sent", 1), ("STP", -1, "sent", 1)]
    with planner.views.engine.connect() as connection:
        folds = connection.execute(
            select(reminder_table.c.folds).where(reminder_table.c.offset_days == -1)
        ).scalar_one()
    assert folds == [-3]


def test_an_smtp_outage_is_retried_with_back_off_and_nothing_is_lost(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    province(planner)
    mail_server.stop()
    day = on(clock, date(2023, 9, 5))
    failed = reminders.run(day)
    assert [
        d.error is not None and "máy chủ thư 127.0.0.1" in d.error for d in failed.deliveries
    ] == [True]
    assert states(planner) == [("STP", -7, "failed", 1)]

    clock.set(clock.now() + timedelta(seconds=30))
    assert not reminders.retry_pending()
    assert reminders.run(day).deliveries == ()  # still backing off
    clock.set(clock.now() + timedelta(seconds=30))
    assert reminders.retry_pending()
    assert [d.error is not None for d in reminders.run(day).deliveries] == [True]
    assert states(planner) == [("STP", -7, "failed", 2)]

    mail_server.start()
    clock.set(clock.now() + timedelta(minutes=1))
    assert not reminders.retry_pending()  # the second back-off is two minutes
    clock.set(clock.now() + timedelta(minutes=1))
    sent = reminders.run(day)
    assert [d.error for d in sent.deliveries] == [None]
    assert reminders.run(day).deliveries == ()
    assert [m.subject for m in mail_server.received] == [
        "Nhắc hạn: PL2 I.1 đến hạn 12/09/2023 (còn 7 ngày)"
    ]
    assert states(planner) == [("STP", -7, "sent", 3)]


def test_a_mailbox_the_server_refuses_for_good_is_not_tried_again_and_the_log_says_why(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    province(planner)
    mail_server.inbox.unknown = {STP_EMAIL, "giamdoc@stp.backan.gov.vn"}
    day = on(clock, date(2023, 9, 5))

    (refused,) = reminders.run(day).deliveries
    assert refused.refused and "550" in (refused.error or "")
    assert states(planner) == [("STP", -7, "refused", 1)]
    clock.set(clock.now() + timedelta(hours=2))
    assert not reminders.retry_pending()
    assert reminders.run(day).deliveries == ()  # a permanent refusal is final
    assert mail_server.received == []

    logged = run_planner(planner.settings.database_url, "reminders", "log")
    assert "máy chủ thư từ chối, không gửi lại" in logged.stdout
    assert "550" in logged.stdout


def test_a_claim_left_by_a_killed_run_is_taken_over_after_its_lease_or_withdrawn(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    _, justice, _ = province(planner)
    day = on(clock, date(2023, 9, 5))
    (message,) = reminders.outbox(day).messages
    assert reminders._claim(message)  # the run is killed before it sends anything
    assert states(planner) == [("STP", -7, "sending", 1)]
    assert reminders.run(day).deliveries == ()  # still within its lease

    clock.set(clock.now() + reminders.settings.policy.lease + timedelta(seconds=1))
    assert [d.error for d in reminders.run(day).deliveries] == [None]
    assert states(planner) == [("STP", -7, "sent", 2)]
    assert len(mail_server.received) == 1

    later = on(clock, date(2023, 9, 11))
    (message,) = reminders.outbox(later).messages
    assert reminders._claim(message)
    planner.tasks.complete(justice, None, staff(planner, "STP"))
    clock.set(clock.now() + reminders.settings.policy.lease + timedelta(seconds=1))
    assert reminders.run(later).withdrawn == 1
    assert states(planner)[-1][2] == "withdrawn"


def test_a_reminder_failed_all_day_is_folded_into_the_next_days_digest(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    province(planner)
    mail_server.stop()
    reminders.run(on(clock, date(2023, 9, 8)))  # the -3 reminder fails
    mail_server.start()
    reminders.run(on(clock, date(2023, 9, 11)))
    assert [m.subject for m in mail_server.received] == [
        "Nhắc hạn: PL2 I.1 đến hạn 12/09/2023 (còn 1 ngày)"
    ]
    assert states(planner) == [("STP", -3, "folded", 1), ("STP", -1, "sent", 1)]


def test_done_work_is_not_reminded_and_its_unsent_reminders_are_withdrawn(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    _, justice, _ = province(planner)
    mail_server.stop()
    reminders.run(on(clock, date(2023, 9, 8)))
    mail_server.start()
    on(clock, date(2023, 9, 8), hour=10)
    planner.tasks.complete(justice, None, staff(planner, "STP"))
    report = reminders.run(on(clock, date(2023, 9, 11)))
    assert report.withdrawn == 1 and mail_server.received == []
    assert states(planner) == [("STP", -3, "withdrawn", 1)]


def escalations(mail_server: MailServer) -> list[Received]:
    """Sở Nội vụ's weekly lists (it also receives the quarter's report, due on 12/09)."""
    return [m for m in mail_server.received if m.subject.startswith("Nhiệm vụ quá hạn")]


def test_sở_nội_vụ_gets_the_weekly_list_of_late_tasks_by_agency_and_agencies_without_e_mail(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    plan, justice, office = province(planner)
    planner.agencies.set_emails("SNV", (SNV_EMAIL,), planner.system)
    add_task(planner, plan, "PL2 VI.1", "Số hóa hồ sơ", "Sở Tư pháp", "Trước ngày 29/9/2023")
    done = add_task(planner, plan, "PL2 I.3", "Tập huấn", "Sở Tư pháp", "Trước ngày 1/9/2023")
    on(clock, date(2023, 8, 31))
    planner.tasks.complete(done, None, staff(planner, "STP"))
    reminders.run(on(clock, date(2023, 9, 18)))  # a Monday

    [escalation] = escalations(mail_server)
    assert escalation.subject == (
        "Nhiệm vụ quá hạn tuần 38/2023 (18/09/2023): 2 nhiệm vụ quá hạn của 2 cơ quan; "
        "1 cơ quan chưa có e-mail"
    )
    text = escalation.part("plain")
    justice_part = text[text.index("Sở Tư pháp (STP): 1 nhiệm vụ quá hạn") :]
    assert "PL2 I.1" in justice_part.split("Văn phòng")[0]
    assert "Hạn 12/09/2023, quá hạn 6 ngày" in text
    assert "Văn phòng UBND tỉnh (VPUBND): 1 nhiệm vụ quá hạn — chưa có địa chỉ e-mail" in text
    assert f"https://cchc.backan.gov.vn/tasks/{office}" in text
    assert "PL2 VI.1" not in text and "PL2 I.3" not in text  # not late / done
    unreachable = text[text.index("CƠ QUAN CHƯA CÓ ĐỊA CHỈ E-MAIL") :]
    assert "- Văn phòng UBND tỉnh (VPUBND): 1 việc đang theo dõi" in unreachable
    assert "Sở Tư pháp" not in unreachable
    assert f"/tasks/{justice}" in escalation.part("html")

    reminders.run(on(clock, date(2023, 9, 19)))
    assert len(escalations(mail_server)) == 1


def test_a_plan_obligation_is_reminded_before_its_yearly_deadline(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    plan, _, _ = province(planner)
    wording = "Trước ngày 25/11 hàng năm"
    planner.plans.add_obligation(
        plan,
        key="bao-cao-nam",
        text="Báo cáo kết quả thực hiện Kế hoạch về Sở Nội vụ",
        schedule=read_schedule(wording, 2023, date(2023, 6, 8)).schedule,
        responsible=("Sở Tư pháp",),
        report_to="SNV",
        actor=planner.system,
    )
    reminders.run(on(clock, date(2023, 11, 24)))  # 25/11/2023 is a Saturday
    [mail] = mail_server.received
    assert mail.subject == (  # long enough to be folded: every space must survive
        "Nhắc hạn: PL2 I.1 quá hạn 73 ngày (hạn 12/09/2023); "
        "Báo cáo kết quả thực hiện Kế hoạch về Sở Nội vụ đến hạn 25/11/2023 (còn 1 ngày)"
    )
    assert "Tình trạng: Yêu cầu chung của kế hoạch." in mail.part("plain")
    assert "PL2 I.1" in mail.part("plain")  # late since 12/09, reminded weekly in the same digest


def test_the_reminder_view_rebuilt_from_events_equals_the_one_kept_up_to_date(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    province(planner)
    mail_server.stop()
    reminders.run(on(clock, date(2023, 9, 8)))
    mail_server.start()
    reminders.run(on(clock, date(2023, 9, 11)))
    incremental = snapshot(planner.projector.reader)
    assert len(incremental["view_reminders"]) == 2
    planner.projector.rebuild()
    assert snapshot(planner.projector.reader) == incremental


def test_a_long_task_is_named_in_full_in_the_mail_and_cut_between_words_in_a_subject(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    plan, _, _ = province(planner)
    long_text = (
        "Công khai đầy đủ, kịp thời thủ tục hành chính trên Cổng dịch vụ công, bảo đảm đủ nội "
        "dung theo quy định và cập nhật khi có thay đổi"
    )
    add_task(planner, plan, "PL2 I.2", long_text, "Sở Tư pháp", "Trước ngày 12/9/2023")
    planner.plans.add_obligation(
        plan,
        key="bao-cao-quy",
        text="Báo cáo kết quả thực hiện Kế hoạch về Sở Nội vụ, kèm biểu mẫu số liệu chi tiết",
        schedule=read_schedule("Trước ngày 30/9/2023", 2023, date(2023, 6, 8)).schedule,
        responsible=("Sở Tư pháp",),
        report_to="SNV",
        actor=planner.system,
    )
    reminders.run(on(clock, date(2023, 9, 5)))
    [mail] = mail_server.received
    assert f"- PL2 I.2 {long_text}" in mail.part("plain")
    assert f"PL2 I.2 {long_text}</a>" in mail.part("html")

    reminders.run(on(clock, date(2023, 9, 22)))  # a week before the report's 30/09
    # A subject line must stay short: the obligation's words are cut between two words.
    assert mail_server.received[-1].subject.endswith(
        "; Báo cáo kết quả thực hiện Kế hoạch về Sở Nội vụ, kèm biểu… "
        "đến hạn 30/09/2023 (còn 8 ngày)"
    )
