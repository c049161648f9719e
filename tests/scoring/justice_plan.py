"""Sở Tư pháp's own 2024 plan with targets on Bảng 1 criteria, and its 2024 self-assessment.

The department sets Mục tiêu on 1.1.1 (0,5 of 0,5), 1.2 (3 of 3) and 1.3 (2,5 of 2,5, summed
over 1.3.1 and 1.3.2). It self-assesses every row at its maximum except 1.2 (2,5); the
appraisal team lowers 1.2 to 2 and 1.3.2 to 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.application.scoring import SelfAssessmentEntry
from planner.domain.actor import Actor, Role
from planner.domain.criteria_set import UnitKind
from planner.domain.criterion import CriterionCode, CriterionRef, Index, Level
from planner.domain.evidence import Evidence
from planner.domain.identity import target_id
from planner.domain.schedule_text import read_schedule
from planner.domain.score_target import Definition, ResultKind
from planner.domain.target import Target
from tests.conftest import vietnam_time
from tests.scoring.province import set_up_province

YEAR = 2024
PLAN = "45/KH-STP"
PROVINCE_PLAN = "150/KH-UBND"
ISSUED = date(2024, 6, 15)
PROOF = Evidence.of("Báo cáo CCHC năm 2024", link="https://stp.dienbien.gov.vn/cchc-2024")
# code: (name, max points, target)
TARGETS = {
    "1.1.1": ("Chất lượng kế hoạch CCHC", "0.5", "0.5"),
    "1.2": ("Thực hiện công tác báo cáo định kỳ CCHC", "3", "3"),
    "1.3": ("Kiểm tra công tác CCHC", "2.5", "2.5"),
}
SELF_ASSESSED_BELOW_MAX = {"1.2": Decimal("2.5")}
APPRAISED = {"1.2": ("2", "Thiếu báo cáo quý III"), "1.3.2": ("1", "Chưa xử lý hết vấn đề")}
SELF_ASSESSED_ON = date(2025, 1, 20)
APPRAISED_ON = date(2025, 2, 12)


@dataclass(frozen=True)
class JusticePlan:
    planner: Planner
    plan: UUID
    province_plan: UUID
    reporting: UUID  # task behind 1.2
    inspecting: UUID  # task behind 1.3.1


def monitor(planner: Planner) -> Actor:
    return planner.actor("chuyen-vien.snv", "SNV", Role.MONITOR)


def justice(planner: Planner) -> Actor:
    return planner.actor("can-bo.stp", "STP", Role.AGENCY)


def justice_plan(planner: Planner, clock: FixedClock) -> JusticePlan:
    """The province, Sở Tư pháp's plan and the province's own plan, before the round opens."""
    clock.set(vietnam_time(ISSUED))
    set_up_province(planner)
    plan = _register(planner, PLAN, "Sở Tư pháp", "Kế hoạch nâng cao Chỉ số CCHC năm 2024")
    for code, (name, maximum, target) in TARGETS.items():
        _target(planner, plan, code, name, maximum, target)
    province = _register(
        planner, PROVINCE_PLAN, "UBND tỉnh Điện Biên", "Kế hoạch nâng cao Chỉ số CCHC tỉnh"
    )
    _target(planner, province, "1.2", "Công tác báo cáo", "3", "3")
    planner.targets.record_result(
        target_id(province, "PAR_INDEX", "1.2", YEAR),
        ResultKind.OFFICIAL,
        Decimal("2.75"),
        planner.system,
    )
    reporting = _task(planner, plan, "1", "Báo cáo định kỳ CCHC đúng hạn", "1.2", "Quý III/2024")
    inspecting = _task(
        planner, plan, "2", "Tự kiểm tra CCHC tại các phòng", "1.3.1", "Trước ngày 30/9/2024"
    )
    _task(planner, plan, "3", "Rà soát thủ tục hành chính", "2.1", "Quý IV/2024")
    clock.set(vietnam_time(date(2024, 9, 20)))
    planner.tasks.complete(inspecting, None, justice(planner), evidence=(PROOF,))
    clock.set(vietnam_time(date(YEAR, 12, 20)))
    planner.scoring.create_round(YEAR, UnitKind.DEPARTMENT, monitor(planner))
    return JusticePlan(planner, plan, province, reporting, inspecting)


def self_assess(planner: Planner, clock: FixedClock) -> None:
    """Sở Tư pháp scores every own row, at its maximum except 1.2, and submits."""
    clock.set(vietnam_time(SELF_ASSESSED_ON))
    scoring, actor = planner.scoring, justice(planner)
    round_ = scoring.round(YEAR, UnitKind.DEPARTMENT)
    card = scoring.scorecard(YEAR, UnitKind.DEPARTMENT, "STP", actor)
    entries = [
        SelfAssessmentEntry(
            str(row.code),
            SELF_ASSESSED_BELOW_MAX.get(str(row.code), row.max_points or Decimal(0)),
            (PROOF,),
        )
        for row in card.own_rows(round_)
    ]
    scoring.self_assess_many(YEAR, UnitKind.DEPARTMENT, "STP", entries, actor)
    scoring.submit(YEAR, UnitKind.DEPARTMENT, "STP", actor)


def appraise(planner: Planner, clock: FixedClock) -> None:
    clock.set(vietnam_time(APPRAISED_ON))
    for code, (points, reason) in APPRAISED.items():
        planner.scoring.appraise(
            YEAR, UnitKind.DEPARTMENT, "STP", code, points, monitor(planner), reason=reason
        )


def _register(planner: Planner, number: str, issuer: str, title: str) -> UUID:
    return planner.plans.register(
        number=number,
        title=title,
        issuer=issuer,
        province="Điện Biên",
        issued_on=ISSUED,
        year=YEAR,
        indices=(Index.PAR_INDEX,),
        actor=planner.system,
    )


def _target(planner: Planner, plan: UUID, code: str, name: str, maximum: str, target: str) -> None:
    criterion = CriterionCode.parse(code)
    planner.targets.set(
        plan,
        index=Index.PAR_INDEX,
        code=criterion,
        year=YEAR,
        definition=Definition(
            name=name,
            level=Level.for_depth(criterion.depth),
            max_points=Decimal(maximum),
            last_year_points=None,
            target=Target.parse(target),
        ),
        actor=planner.system,
    )


def _task(planner: Planner, plan: UUID, reference: str, text: str, code: str, when: str) -> UUID:
    return planner.tasks.add(
        plan,
        reference=reference,
        text=text,
        criteria=(CriterionRef.parse(code),),
        lead=["Sở Tư pháp"],
        schedule=read_schedule(when, YEAR, ISSUED).schedule,
        actor=planner.system,
    )
