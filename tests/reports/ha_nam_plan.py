"""Hà Nam's Kế hoạch 1800/KH-UBND (05/06/2019): its whole appendix, entered as Sở Nội vụ would.

ha_nam_1800_appendix.tsv is the appendix copied from the seed document: areas 1–8 with max
points, points achieved in 2018 and the targets for 2019 and 2020, and the "Thực hiện"
column. The last column, "Chủ trì", names the lead agency that column gives, as the registry
knows it; rows whose "Thực hiện" names no provincial body (UBND cấp huyện, cấp xã) have none.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from uuid import UUID

from planner.application.planner import Planner
from planner.domain.criterion import CriterionCode, CriterionRef, Index, Level
from planner.domain.points import parse_points
from planner.domain.schedule_text import read_schedule
from planner.domain.score_target import Definition
from planner.domain.target import Target

NUMBER = "1800/KH-UBND"
ISSUED_ON = date(2019, 6, 5)
APPENDIX = Path(__file__).with_name("ha_nam_1800_appendix.tsv")


@dataclass(frozen=True)
class AppendixRow:
    code: CriterionCode
    name: str
    max_points: str
    achieved_2018: str
    target_2019: str
    target_2020: str
    implementation: str
    lead: str


def appendix() -> list[AppendixRow]:
    with APPENDIX.open(encoding="utf-8") as lines:
        rows = list(csv.reader(lines, delimiter="\t"))[1:]
    return [
        AppendixRow(
            code=CriterionCode.total() if number == "TỔNG ĐIỂM" else CriterionCode.parse(number),
            name=name or number,
            max_points=maximum,
            achieved_2018=achieved,
            target_2019=target_2019,
            target_2020=target_2020,
            implementation=implementation,
            lead=lead,
        )
        for number, name, maximum, achieved, target_2019, target_2020, implementation, lead in rows
    ]


def load_ha_nam(planner: Planner) -> UUID:
    """Register the plan, its 2019 and 2020 targets and the tasks of its "Thực hiện" column."""
    system = planner.system
    rows = appendix()
    with planner.workspace.bulk():
        plan = planner.plans.register(
            number=NUMBER,
            title="Nâng cao Chỉ số Cải cách hành chính và Chỉ số về sự phục vụ hành chính tỉnh "
            "Hà Nam năm 2019 và những năm tiếp theo",
            issuer="UBND tỉnh Hà Nam",
            province="Hà Nam",
            issued_on=ISSUED_ON,
            year=2019,
            indices=(Index.PAR_INDEX, Index.SIPAS),
            actor=system,
        )
        planner.plans.add_obligation(
            plan,
            key="bao-cao-nam",
            text="Báo cáo kết quả triển khai các nhiệm vụ được giao trong kế hoạch",
            schedule=read_schedule("Trước ngày 25/11 hàng năm", 2019, ISSUED_ON).schedule,
            responsible=("Các sở, ban, ngành",),
            report_to="SNV",
            actor=system,
        )
        surveyed = _surveyed(rows)
        for row in rows:
            for year, target, last_year in (
                (2019, row.target_2019, row.achieved_2018),
                (2020, row.target_2020, ""),
            ):
                planner.targets.set(
                    plan,
                    index=Index.PAR_INDEX,
                    code=row.code,
                    year=year,
                    definition=Definition(
                        name=row.name,
                        level=Level.for_depth(row.code.depth),
                        max_points=parse_points(row.max_points),
                        last_year_points=parse_points(last_year) if last_year else None,
                        target=Target.parse(target),
                        survey_based=row.code in surveyed,
                    ),
                    actor=system,
                )
            if row.lead:
                planner.tasks.add(
                    plan,
                    reference=f"PL {row.code}",
                    text=row.implementation,
                    criteria=(CriterionRef(Index.PAR_INDEX, row.code),),
                    lead=row.lead.split("; "),
                    schedule=read_schedule("", 2019, ISSUED_ON).schedule,
                    actor=system,
                )
    return plan


def _surveyed(rows: list[AppendixRow]) -> set[CriterionCode]:
    """Rows measured by survey (điều tra XHH), and every row beneath them."""
    marked = {row.code for row in rows if "XHH" in row.name or row.implementation == "Điều tra XHH"}
    return {
        row.code
        for row in rows
        if any(row.code.parts[: m.depth] == m.parts for m in marked if m.depth)
    }
