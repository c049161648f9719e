"""Plans and tasks as the seed documents write them, for tests to start from."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from planner.application.planner import Planner
from planner.domain.actor import Actor, Role
from planner.domain.criterion import CriterionRef, Index
from planner.domain.schedule_text import read_schedule

BAC_KAN_ISSUED = date(2023, 6, 8)


def bac_kan_plan(planner: Planner) -> UUID:
    """Kế hoạch 365/KH-UBND of Bắc Kạn, issued 08/06/2023 for the 2023 indices."""
    return planner.plans.register(
        number="365 /KH-UBND",
        title="Khắc phục những tồn tại, hạn chế Chỉ số cải cách hành chính ... năm 2023",
        issuer="UBND tỉnh Bắc Kạn",
        province="Bắc Kạn",
        issued_on=BAC_KAN_ISSUED,
        year=2023,
        indices=(Index.PAR_INDEX, Index.SIPAS, Index.PAPI),
        actor=planner.system,
    )


def ha_nam_plan(planner: Planner, year: int) -> UUID:
    """A Hà Nam plan for raising the PAR INDEX in `year`, numbered as Kế hoạch 1800/KH-UBND."""
    return planner.plans.register(
        number="1800/KH-UBND",
        title=f"Nâng cao Chỉ số cải cách hành chính năm {year}",
        issuer="UBND tỉnh Hà Nam",
        province="Hà Nam",
        issued_on=date(year, 6, 1),
        year=year,
        indices=(Index.PAR_INDEX,),
        actor=planner.system,
    )


def add_task(
    planner: Planner,
    plan: UUID,
    reference: str,
    text: str,
    lead: str,
    timeframe: str,
    coordinating: str = "",
    criterion: str = "1.2",
) -> UUID:
    return planner.tasks.add(
        plan,
        reference=reference,
        text=text,
        criteria=(CriterionRef.parse(criterion),),
        lead=lead.split("; "),
        coordinating=[c for c in coordinating.split("; ") if c],
        schedule=read_schedule(timeframe, 2023, BAC_KAN_ISSUED).schedule,
        actor=planner.system,
    )


def staff(planner: Planner, agency: str) -> Actor:
    return planner.actor(f"can-bo.{agency.lower()}", agency, Role.AGENCY)


def monitor(planner: Planner) -> Actor:
    return planner.actor("chuyen-vien.snv", "SNV", Role.MONITOR)
