"""Builds the store a release leaves behind: every event type, recorded in time order.

Before a release that changes how events are read, run it on the release before:
    .venv/bin/python -m tests.store.releases.build_release_store tests/store/releases/<version>
It writes events.jsonl (as `planner events export` does), store.sqlite.gz (the SQLite store
itself) and answers.json (what that release's queries answered); test_previous_releases.py
opens both with today's code and compares.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.application.reminders import ReminderService
from planner.application.scoring import AppraisalEntry, SelfAssessmentEntry
from planner.backup.event_lines import export_events
from planner.bootstrap.container import Container
from planner.bootstrap.settings import read_settings
from planner.demo.loader import load_demo
from planner.domain.actor import Actor, Role
from planner.domain.agency import AgencyKind
from planner.domain.criteria_set import UnitKind
from planner.domain.criterion import CriterionCode, Index
from planner.domain.evidence import Evidence
from planner.domain.identity import agency_id, plan_id, target_id
from planner.domain.score_target import ResultKind
from planner.domain.scoring.calendar import ScoringCalendar
from planner.domain.vietnam_time import VIETNAM
from planner.importer.document_file import read_document
from planner.importer.reading import read_plan_document
from planner.presentation.json_document import to_json
from tests.reminders.mail_server import MailServer
from tests.scoring.province import DISTRICT_UNITS

SEEDS = Path("src/planner/demo/seeds")


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), VIETNAM).astimezone(UTC)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    db = out / "store.sqlite"
    db.unlink(missing_ok=True)
    clock = FixedClock(at(date(2023, 6, 8)))
    with Container(
        read_settings({"PLANNER_DATABASE_URL": f"sqlite:///{db}"}), clock
    ).open_planner() as planner:
        # Recorded in time order, as a real store is.
        load_demo(planner, clock)
        with MailServerRunning() as server:
            service = Container(read_settings(server.env())).reminders(planner)
            remind(service, clock, date(2023, 11, 21))
            more_task_work(planner, clock)
            server.stop()  # an outage: the day's digests fail and wait for a retry
            remind(service, clock, date(2023, 12, 5))
            remind(service, clock, date(2023, 12, 8))
            server.start()
            remind(service, clock, date(2023, 12, 11))
            last_task_work(planner, clock)
            remind(service, clock, date(2023, 12, 13))
        agencies_change(planner, clock)
        users(planner, clock)
        targets(planner, clock)
        ha_nam(planner, clock)
        scoring(planner, clock)
        agencies_reorganise(planner, clock)
        count = export_events(planner.store, out / "events.jsonl")
        (out / "answers.json").write_text(
            json.dumps(to_json(answers(planner)), ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8",
        )
    with db.open("rb") as raw, gzip.open(out / "store.sqlite.gz", "wb", compresslevel=9) as packed:
        shutil.copyfileobj(raw, packed)
    db.unlink()
    print(f"{count} events")


def staff(planner: Planner, agency: str) -> Actor:
    return planner.actor(f"can-bo.{agency.lower()}", agency, Role.AGENCY)


def more_task_work(planner: Planner, clock: FixedClock) -> None:
    tasks = {t.reference: t.task_id for t in planner.views.tasks()}
    monitor = planner.actor("chuyen-vien.snv", "SNV", Role.MONITOR)
    t = planner.tasks
    clock.set(at(date(2023, 11, 28)))
    # A task led jointly by four bodies, completed by one of them: release 0.1 counts it for all.
    t.complete(tasks["PL2 I.1b"], "2023-Q4", staff(planner, "STP"), note="Sở Tư pháp đã gửi")
    # A task led by every department and district, completed by the finance department.
    t.complete(
        tasks["PL2 VIII.2"],
        None,
        staff(planner, "STC"),
        note="Thu ngân sách đạt 102% dự toán",
        evidence=(Evidence.of("Báo cáo thu ngân sách", link="https://stc.backan.gov.vn/bc"),),
    )
    # A coordinating body adds a note and evidence.
    t.report_progress(
        tasks["PL2 VII.5"],
        None,
        staff(planner, "VPUBND"),
        note="Đã tổng hợp lỗi từ Bộ phận Một cửa",
        evidence=(Evidence.of("Danh sách lỗi Paygov", link="https://vpubnd.backan.gov.vn/loi"),),
    )
    clock.set(at(date(2023, 12, 1)))
    t.unblock(tasks["PL2 VII.1"], None, "Bộ đã có hướng dẫn", staff(planner, "STTTT"))
    t.change_deadline(
        tasks["PL2 III.2"], None, date(2023, 12, 31), "Theo Văn bản 1234/UBND-NC", monitor
    )
    t.cancel(tasks["PL2 I.1"], "2023-Q4", "Gộp vào báo cáo năm", monitor)
    t.reopen(tasks["PL2 I.1"], "2023-Q4", "Bộ Nội vụ yêu cầu báo cáo quý IV riêng", monitor)
    t.start(tasks["PL2 IV.1"], None, staff(planner, "SNV"))
    t.reassign(
        tasks["PL2 III.1"],
        ["Văn phòng UBND tỉnh", "Sở Tư pháp"],
        ["Các sở, ban, ngành"],
        "Sở Tư pháp thẩm định dự thảo",
        monitor,
    )
    t.block(tasks["PL2 II.4"], None, "Chờ kết quả kiểm tra của Bộ Tư pháp", staff(planner, "STP"))


def last_task_work(planner: Planner, clock: FixedClock) -> None:
    tasks = {t.reference: t.task_id for t in planner.views.tasks()}
    monitor = planner.actor("chuyen-vien.snv", "SNV", Role.MONITOR)
    clock.set(at(date(2023, 12, 12)))
    planner.tasks.complete(tasks["PL2 I.1"], "2023-Q4", staff(planner, "SNV"), note="Đã gửi")
    planner.plans.withdraw_obligation(
        plan_id("Bắc Kạn", "365/KH-UBND"), "bao-cao-ket-qua", "Đã gộp vào báo cáo năm", monitor
    )


def agencies_change(planner: Planner, clock: FixedClock) -> None:
    system = planner.system
    a = planner.agencies
    clock.set(at(date(2024, 1, 5)))
    a.set_aliases("STTTT", ("Sở TT&TT", "Sở Thông tin truyền thông"), system)
    a.set_emails("STP", ("stp@backan.gov.vn", "giamdoc@stp.backan.gov.vn"), system)
    a.set_emails("STC", ("stc@backan.gov.vn",), system)
    a.set_emails("VPUBND", ("vpubnd@backan.gov.vn",), system)
    a.set_emails("STTTT", ("stttt@backan.gov.vn",), system)
    a.rename("BAO", "Báo Bắc Kạn", "Tên chính thức", system)
    a.register("STTTT2", "Sở Khoa học, Công nghệ và Thông tin", AgencyKind.DEPARTMENT, system)
    a.set_groups("STTTT2", ("SO_BAN_NGANH",), system)


def agencies_reorganise(planner: Planner, clock: FixedClock) -> None:
    system = planner.system
    a = planner.agencies
    clock.set(at(date(2025, 3, 12)))
    a.merge("SKHCN", "STTTT2", date(2025, 3, 1), "Nghị quyết sáp nhập sở", system)
    a.register("SNNMT", "Sở Nông nghiệp và Môi trường", AgencyKind.DEPARTMENT, system)
    a.register("SNGV2", "Văn phòng UBND tỉnh (đối ngoại)", AgencyKind.OTHER, system)
    a.split("SNGV", ("VPUBND", "SNGV2"), "VPUBND", date(2025, 3, 1), "Chia nhiệm vụ", system)
    a.dissolve("BDT", "SNV", date(2025, 3, 1), "Giải thể, chuyển về Sở Nội vụ", system)


def users(planner: Planner, clock: FixedClock) -> None:
    admin = Actor("quan-tri", "SNV", Role.ADMIN)
    clock.set(at(date(2024, 1, 8)))
    u = planner.users
    u.add("chuyen-vien.snv", "SNV", Role.MONITOR, "mat-khau-snv-2024", admin)
    u.add("can-bo.stp", "STP", Role.AGENCY, "mat-khau-stp-2024", admin)
    u.reset_password("can-bo.stp", "mat-khau-moi-2024", admin)
    u.disable("can-bo.stp", "Chuyển công tác", admin)
    u.enable("can-bo.stp", "Trở lại", admin)


def targets(planner: Planner, clock: FixedClock) -> None:
    plan = plan_id("Bắc Kạn", "365/KH-UBND")
    clock.set(at(date(2024, 5, 20)))
    for index, code, points in (
        (Index.PAR_INDEX, "1.2", "0,50"),
        (Index.PAR_INDEX, "8.4", "0,25"),
        (Index.SIPAS, "", "79,20"),
        (Index.PAPI, "", "43,10"),
    ):
        planner.targets.record_result(
            target_id(
                plan,
                index.value,
                str(CriterionCode.parse(code) if code else CriterionCode.total()),
                2023,
            ),
            ResultKind.OFFICIAL,
            Decimal(points.replace(",", ".")),
            planner.system,
            note="Quyết định công bố Chỉ số CCHC 2023",
        )


def ha_nam(planner: Planner, clock: FixedClock) -> None:
    clock.set(at(date(2024, 6, 3)))
    text = read_document(SEEDS / "ha-nam-2019-plan-1800.txt")
    report = read_plan_document(text, planner.views.directory())
    assert report.document is not None
    planner.imports.store(report.document, planner.system, reason="nhập Kế hoạch 1800")
    clock.set(at(date(2024, 6, 10)))
    first = report.document.targets[0]
    revised = replace(
        first, definition=replace(first.definition, name=first.definition.name + " (sửa)")
    )
    document = replace(report.document, targets=(revised, *report.document.targets[1:]))
    planner.imports.store(document, planner.system, reason="Kế hoạch 1800 đính chính")


def scoring(planner: Planner, clock: FixedClock) -> None:
    system = planner.system
    for code, name in DISTRICT_UNITS[:3]:
        planner.agencies.register(
            code, name, AgencyKind.DISTRICT, system, groups=("UBND_CAP_HUYEN",)
        )
    clock.set(at(date(2024, 6, 11)))
    report = read_plan_document(
        read_document(SEEDS / "dien-bien-2024-par-criteria-2270.txt"), planner.views.directory()
    )
    assert report.document is not None
    planner.imports.store(report.document, system, reason="nhập Quyết định 2270")
    clock.set(at(date(2024, 6, 12)))
    sets = report.document.criteria_sets
    changed = replace(sets[0], title=sets[0].title + " (đính chính)")
    planner.imports.store(
        replace(report.document, criteria_sets=(changed, *sets[1:])), system, reason="đính chính"
    )
    monitor = planner.actor("chuyen-vien.snv", "SNV", Role.MONITOR)
    s = planner.scoring
    kind = UnitKind.DEPARTMENT
    clock.set(at(date(2024, 12, 20)))
    s.create_round(2024, kind, monitor, units=("STP", "STC", "SYT"))
    s.set_calendar(2024, kind, ScoringCalendar.usual(2024), monitor)
    s.add_units(2024, kind, ("SXD",), monitor)
    s.remove_unit(2024, kind, "SXD", "Không thuộc diện chấm", monitor)
    clock.set(at(date(2025, 1, 10)))
    round_ = s.round(2024, kind)
    own = [c for c in round_.criteria if not c.survey_based and c.max_points]
    s.mark_not_evaluated(2024, kind, "SYT", str(own[-1].code), "Không phát sinh", monitor)
    s.mark_not_evaluated(2024, kind, "STP", str(own[-1].code), "Không phát sinh", monitor)
    s.clear_not_evaluated(2024, kind, "STP", str(own[-1].code), monitor)
    clock.set(at(date(2025, 1, 15)))
    for unit in ("STP", "STC"):
        actor = staff(planner, unit)
        card = s.scorecard(2024, kind, unit, actor)
        round_ = s.round(2024, kind)
        rows = card.own_rows(round_)
        entries = [
            SelfAssessmentEntry(
                str(row.code),
                row.max_points or Decimal(0),
                (Evidence.of("Báo cáo CCHC 2024", link="https://backan.gov.vn/cchc"),),
            )
            for row in rows
        ]
        s.self_assess_many(2024, kind, unit, entries, actor)
        s.submit(2024, kind, unit, actor)
    s.reopen(2024, kind, "STC", date(2025, 1, 25), "Bổ sung tài liệu", monitor)
    s.submit(2024, kind, "STC", staff(planner, "STC"))
    clock.set(at(date(2025, 2, 10)))
    card = s.scorecard(2024, kind, "STP", monitor)
    first = card.own_rows(s.round(2024, kind))[0]
    s.appraise_many(
        2024,
        kind,
        "STP",
        [AppraisalEntry(str(first.code), Decimal(0), "Thiếu tài liệu kiểm chứng")],
        monitor,
    )
    clock.set(at(date(2025, 3, 5)))
    s.respond(2024, kind, "STP", str(first.code), "Đã bổ sung", staff(planner, "STP"))
    survey = [c for c in s.round(2024, kind).criteria if c.survey_based and c.max_points]
    s.enter_survey_many(
        2024, kind, "STP", {str(c.code): c.max_points / 2 for c in survey[:3]}, monitor
    )
    clock.set(at(date(2025, 3, 11)))
    s.finalize(2024, kind, "STP", monitor)


class MailServerRunning(MailServer):
    def __enter__(self) -> MailServer:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def remind(service: ReminderService, clock: FixedClock, day: date) -> None:
    clock.set(at(day, 8))
    service.run(day)


def answers(planner: Planner) -> dict[str, object]:
    views = planner.views
    days = (date(2023, 9, 30), date(2023, 11, 25), date(2024, 1, 31), date(2025, 6, 30))
    bac_kan = plan_id("Bắc Kạn", "365/KH-UBND")
    return {
        "plans": views.plans(),
        "tasks": views.tasks(),
        "progress": {str(day): views.progress(day) for day in days},
        "overdue": {str(day): views.overdue(day) for day in days},
        "score_board": views.score_board(),
        "agencies": views.agencies(),
        "users": [(u.username, u.agency, u.role, u.active) for u in views.users()],
        "history": {
            "plan": views.history(bac_kan),
            "agency STTTT": views.history(agency_id("STTTT")),
        }
        | {f"task {t.reference}": views.history(t.task_id) for t in views.tasks(bac_kan)},
        "criteria_sets": views.criteria_sets(),
    }


if __name__ == "__main__":
    main(Path(sys.argv[1]))
