"""Loads the sample plan and replays how agencies worked on it through 2023."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from uuid import UUID

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.demo.sample_plan import (
    CRITERIA,
    DISTRICTS,
    OBLIGATIONS,
    PLAN_NUMBER,
    PROVINCE,
    TASKS,
    TITLE,
)
from planner.domain.actor import Actor, Role
from planner.domain.agency import AgencyKind
from planner.domain.agency_registry import DISTRICTS as DISTRICT_GROUP
from planner.domain.criterion import CriterionCode, CriterionRef, Index, Level
from planner.domain.evidence import Evidence
from planner.domain.identity import plan_id
from planner.domain.points import parse_points
from planner.domain.schedule_text import read_schedule
from planner.domain.score_target import Definition
from planner.domain.target import Target
from planner.domain.vietnam_time import VIETNAM

ISSUED_ON = date(2023, 6, 8)
AS_OF = date(2023, 11, 25)  # the annual report deadline: "Trước ngày 25/11 hàng năm"


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), VIETNAM).astimezone(UTC)


def load_demo(planner: Planner, clock: FixedClock) -> bool:
    """Load the sample unless it is already there; returns whether anything was loaded."""
    if planner.workspace.exists(plan_id(PROVINCE, PLAN_NUMBER)):
        return False
    clock.set(at(ISSUED_ON))
    _register_agencies(planner)
    with planner.workspace.bulk():
        _register_plan(planner)
    tasks = {t.reference: t.task_id for t in planner.views.tasks()}
    with planner.workspace.bulk():
        _replay_2023(planner, clock, tasks)
    return True


def _register_agencies(planner: Planner) -> None:
    """Agencies first: the plan's tasks are matched against the registry by name."""
    system = planner.system
    planner.agencies.register_defaults(system)
    for code, name in DISTRICTS:
        planner.agencies.register(code, name, AgencyKind.DISTRICT, system, groups=(DISTRICT_GROUP,))
    with planner.workspace.bulk():
        for agency in planner.views.agencies():
            if not agency.emails:
                planner.agencies.set_emails(agency.code, (demo_email(agency.code),), system)


def demo_email(code: str) -> str:
    """Every demo agency can be reminded, at an address no mail server delivers to (RFC 2606's
    `.invalid`), so a trial run with SMTP set shows the digests and reaches nobody real."""
    return f"{code.lower().replace('_', '.')}@bac-kan.example.invalid"


def _register_plan(planner: Planner) -> None:
    system = planner.system
    plan = planner.plans.register(
        number=PLAN_NUMBER,
        title=TITLE,
        issuer="UBND tỉnh Bắc Kạn",
        province=PROVINCE,
        issued_on=ISSUED_ON,
        year=2023,
        indices=(Index.PAR_INDEX, Index.SIPAS, Index.PAPI),
        actor=system,
    )
    for obligation_key, text, timeframe, responsible in OBLIGATIONS:
        planner.plans.add_obligation(
            plan,
            key=obligation_key,
            text=text,
            schedule=read_schedule(timeframe, 2023, ISSUED_ON).schedule,
            responsible=tuple(responsible.split("; ")),
            report_to="SNV",
            actor=system,
        )
    for row in CRITERIA:
        criterion = CriterionCode.parse(row.code) if row.code else CriterionCode.total()
        planner.targets.set(
            plan,
            index=Index.parse(row.index),
            code=criterion,
            year=2023,
            definition=Definition(
                name=row.name,
                level=Level.for_depth(criterion.depth),
                max_points=parse_points(row.max_points) if row.max_points else None,
                last_year_points=parse_points(row.last_year),
                target=Target.parse(row.target),
                survey_based=row.survey_based,
            ),
            actor=system,
        )
    for task in TASKS:
        planner.tasks.add(
            plan,
            reference=task.reference,
            text=task.text,
            criteria=(CriterionRef.parse(task.criterion),),
            lead=task.lead.split("; "),
            coordinating=task.coordinating.split("; "),
            schedule=read_schedule(task.timeframe, 2023, ISSUED_ON).schedule,
            actor=system,
        )


def _replay_2023(planner: Planner, clock: FixedClock, tasks: dict[str, UUID]) -> None:
    """What the agencies reported, in the order they reported it."""

    def staff(agency: str) -> Actor:
        return planner.actor(f"can-bo.{agency.lower()}", agency, Role.AGENCY)

    def on(day: date) -> None:
        clock.set(at(day))

    snv, vp, stp = staff("SNV"), staff("VPUBND"), staff("STP")
    skhdt, stttt, stc = staff("SKHDT"), staff("STTTT"), staff("STC")
    report = "Báo cáo quý"
    on(date(2023, 6, 12))
    planner.tasks.start(tasks["PL2 I.1"], "2023-Q2", snv)
    planner.tasks.complete(
        tasks["PL2 I.1"],
        "2023-Q2",
        snv,
        note="Đã gửi báo cáo quý II",
        evidence=(Evidence.of(report, link="https://sonoivu.backan.gov.vn/bao-cao/q2-2023"),),
    )
    on(date(2023, 6, 15))
    planner.tasks.start(tasks["PL2 I.3"], None, vp)
    planner.tasks.complete(tasks["PL2 I.1b"], "2023-Q2", vp, note="Báo cáo chuyên đề quý II")
    for body in (stttt, stp, stc):  # each lead body sends its own thematic report
        planner.tasks.complete(tasks["PL2 I.1b"], "2023-Q2", body, note="Báo cáo chuyên đề quý II")
    on(date(2023, 6, 20))
    planner.tasks.start(tasks["PL2 II.4"], None, stp)
    planner.tasks.start(tasks["PL2 VI.1"], None, skhdt)
    on(date(2023, 7, 3))
    planner.tasks.start(tasks["PL2 III.1"], None, vp)
    planner.tasks.report_progress(
        tasks["PL2 VII.5"], None, stttt, percent=20, note="Rà soát lỗi Paygov"
    )
    on(date(2023, 8, 10))
    planner.tasks.block(
        tasks["PL2 VII.1"],
        None,
        "Chưa có văn bản hướng dẫn kết nối của Bộ Thông tin và Truyền thông",
        stttt,
    )
    on(date(2023, 9, 11))
    for body in (vp, stttt, stp, stc):
        planner.tasks.complete(tasks["PL2 I.1b"], "2023-Q3", body, note="Báo cáo chuyên đề quý III")
    on(date(2023, 9, 15))
    planner.tasks.complete(
        tasks["PL2 I.1"],
        "2023-Q3",
        snv,
        note="Gửi muộn 3 ngày do chờ số liệu của các huyện",
    )
    on(date(2023, 9, 30))
    planner.tasks.report_progress(tasks["PL2 I.3"], None, vp, percent=60)
    planner.tasks.report_progress(
        tasks["PL2 VI.1"], None, skhdt, percent=71, note="Giải ngân đạt 71%"
    )
    on(date(2023, 10, 16))
    planner.tasks.report_progress(tasks["PL2 II.4"], None, stp, percent=70)
    planner.tasks.report_progress(tasks["PL2 III.1"], None, vp, percent=50)
    planner.tasks.report_progress(
        tasks["PL2 VIII.2"], None, stc, percent=80, note="Thu ngân sách 10 tháng đạt 80% dự toán"
    )
    on(date(2023, 11, 20))
    planner.tasks.report_progress(tasks["PL2 VII.5"], None, stttt, percent=55)
