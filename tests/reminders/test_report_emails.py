"""At each reporting deadline the reminder service e-mails every plan's report to Sở Nội vụ,
once, with the spreadsheet attached; a deadline on a day off is met the working day before."""

from __future__ import annotations

from datetime import date

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.application.reminders import ReminderService
from tests.builders import add_task, bac_kan_plan
from tests.conftest import vietnam_time
from tests.reminders.mail_server import MailServer, Received
from tests.reminders.province import SNV_EMAIL
from tests.reports.reading import table_rows, workbook_sheets

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def reports_received(mail_server: MailServer) -> list[Received]:
    return [m for m in mail_server.received if m.subject.startswith("Báo cáo ")]


def spreadsheet(mail: Received) -> tuple[str, bytes]:
    [attached] = list(mail.message.iter_attachments())
    assert attached.get_content_type() == XLSX
    return str(attached.get_filename()), attached.get_payload(decode=True)


def send_on(reminders: ReminderService, clock: FixedClock, day: date) -> None:
    clock.set(vietnam_time(day, 10))
    reminders.run(day)


def test_on_the_quarter_s_deadline_so_noi_vu_receives_the_plan_s_report_once_with_its_xlsx(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    planner.agencies.set_emails("SNV", (SNV_EMAIL,), planner.system)
    plan = bac_kan_plan(planner)
    add_task(planner, plan, "PL2 I.1", "Rà soát văn bản quy phạm pháp luật", "STP", "30/8/2023")
    for day in (date(2023, 9, 11), date(2023, 9, 12), date(2023, 9, 12), date(2023, 9, 13)):
        send_on(reminders, clock, day)

    [mail] = reports_received(mail_server)
    assert mail.recipients == (SNV_EMAIL,)
    assert mail.subject == (
        "Báo cáo Quý III/2023 Kế hoạch số 365/KH-UBND "
        "(số liệu đến 12/09/2023, hạn báo cáo 12/09/2023)"
    )
    assert "Báo cáo quý về tiến độ thực hiện Kế hoạch số 365/KH-UBND" in mail.part("html")
    assert "0/1 lượt nhiệm vụ đã hoàn thành, 1 lượt quá hạn" in mail.part("plain")
    name, content = spreadsheet(mail)
    assert name == "bao-cao-2023-Q3-365-KH-UBND-den-12-09-2023.xlsx"
    title = workbook_sheets(content)["Tiến độ"][0][0]
    assert title == "Báo cáo quý về tiến độ thực hiện Kế hoạch số 365/KH-UBND: Quý III/2023"
    overdue = table_rows(content, "Quá hạn")
    assert [(row[1], row[5], row[8]) for row in overdue.values()] == [("PL2 I.1", 13, "Sở Tư pháp")]


def test_the_annual_report_due_on_saturday_25_11_goes_out_on_friday_24_11(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    planner.agencies.set_emails("SNV", (SNV_EMAIL,), planner.system)
    bac_kan_plan(planner)
    send_on(reminders, clock, date(2023, 11, 23))
    assert reports_received(mail_server) == []
    for day in (date(2023, 11, 24), date(2023, 11, 25), date(2023, 11, 27)):
        send_on(reminders, clock, day)

    [mail] = reports_received(mail_server)
    assert mail.subject == (
        "Báo cáo Năm 2023 Kế hoạch số 365/KH-UBND (số liệu đến 24/11/2023, hạn báo cáo 25/11/2023)"
    )
    name, content = spreadsheet(mail)
    assert name == "bao-cao-2023-365-KH-UBND-den-24-11-2023.xlsx"
    assert workbook_sheets(content)["Tiến độ"][0][0].endswith(": Năm 2023")


def test_a_report_that_failed_to_send_goes_out_once_when_the_mail_server_is_back(
    planner: Planner, clock: FixedClock, reminders: ReminderService, mail_server: MailServer
) -> None:
    planner.agencies.set_emails("SNV", (SNV_EMAIL,), planner.system)
    bac_kan_plan(planner)
    mail_server.stop()
    send_on(reminders, clock, date(2023, 9, 12))
    mail_server.start()
    send_on(reminders, clock, date(2023, 9, 13))
    send_on(reminders, clock, date(2023, 9, 14))
    [mail] = reports_received(mail_server)
    assert mail.subject.startswith("Báo cáo Quý III/2023 Kế hoạch số 365/KH-UBND (số liệu đến 13")
