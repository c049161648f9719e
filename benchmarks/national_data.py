"""A national-scale store: 63 provinces × 30 agencies × 100 tasks, well over a million parts.

Twelve of each agency's hundred tasks are led by all the province's agencies together ("Các sở,
ban, ngành"), so each of their occurrences has thirty parts, of which some bodies report.

Events are made by the real domain model (so they are the events planner records) and written
through the library's recorder in batches, as the issue allows for seeding.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from eventsourcing.domain import Aggregate

from planner.domain.actor import Actor, Role
from planner.domain.agency import Agency, AgencyKind
from planner.domain.criterion import CriterionCode, CriterionRef, Index, Level
from planner.domain.plan import Plan
from planner.domain.schedule import Schedule
from planner.domain.schedule_text import read_schedule
from planner.domain.score_target import Definition, ResultKind, ScoreTarget
from planner.domain.target import Target
from planner.domain.task import Task
from planner.storage.event_store import EventStore

YEAR = 2023
QUERY_DAY = date(2023, 10, 15)
START = datetime(2023, 6, 1, 2, 0, tzinfo=UTC)
CRITERIA = [f"{a}.{c}.{s}" for a in range(1, 9) for c in range(1, 4) for s in range(1, 4)]
# Timeframes as the seed plans word them; a quarter of the tasks recur every quarter.
TIMEFRAMES = (
    "Năm 2023",
    "Thường xuyên",
    "Quý III/2023",
    "Quý III-IV/2023",
    "Tháng 9/2023",
    "Trước ngày 20/6/2023",
    "Trước ngày 15/10/2023",
    "Trước ngày 25/11/2023",
    "Hết tháng 7/2023",
    "Tháng 01/2024",
    "Trước ngày 12 tháng cuối quý và ngày 12/12/2023",
    "Trước ngày 12 tháng cuối quý và ngày 12/12/2023",
    "Trước ngày 12 tháng cuối quý và ngày 12/12/2023",
)


@dataclass(frozen=True)
class Scale:
    provinces: int = 63
    agencies: int = 30
    tasks_per_agency: int = 100
    shared_per_agency: int = 12  # of those, led by every agency of the province

    @property
    def tasks(self) -> int:
        return self.provinces * self.agencies * self.tasks_per_agency


def province_code(number: int) -> str:
    return f"T{number:02d}"


def plan_number(number: int) -> str:
    return f"{100 + number}/KH-UBND"


def generate(store: EventStore, scale: Scale, batch_size: int = 5000) -> Iterator[int]:
    """Write the store province by province; yields the number of events written so far."""
    written = 0
    pending: list[Aggregate] = []
    clock = _Clock()
    for number in range(1, scale.provinces + 1):
        rng = random.Random(number)
        pending.extend(_province(number, scale, rng, clock))
        events = [e for aggregate in pending for e in aggregate.collect_events()]
        for start in range(0, len(events), batch_size):
            chunk = events[start : start + batch_size]
            store.recorder.insert_events([store.mapper.to_stored_event(e) for e in chunk])
        written += len(events)
        pending = []
        yield written


class _Clock:
    def __init__(self) -> None:
        self.moment = START

    def tick(self) -> datetime:
        self.moment += timedelta(seconds=7)
        return self.moment


def _province(number: int, scale: Scale, rng: random.Random, clock: _Clock) -> list[Aggregate]:
    province = province_code(number)
    system = Actor("planner", f"{province}_SNV", Role.SYSTEM)
    codes = [f"{province}_A{a:02d}" for a in range(1, scale.agencies + 1)]
    aggregates: list[Aggregate] = [
        Agency.register(
            code=code,
            name=f"Cơ quan {code}",
            kind=AgencyKind.DEPARTMENT,
            actor=system,
            at=clock.tick(),
        )
        for code in codes
    ]
    plan = Plan.register(
        number=plan_number(number),
        title=f"Kế hoạch nâng cao Chỉ số CCHC tỉnh {province} năm {YEAR}",
        issuer=f"UBND tỉnh {province}",
        province=province,
        issued_on=date(YEAR, 6, 1),
        year=YEAR,
        indices=(Index.PAR_INDEX,),
        actor=system,
        at=clock.tick(),
    )
    aggregates.append(plan)
    aggregates.extend(_targets(plan.id, system, rng, clock))
    for code in codes:
        staff = Actor(f"can-bo.{code.lower()}", code, Role.AGENCY)
        for index in range(scale.tasks_per_agency):
            if index < scale.shared_per_agency:
                aggregates.append(_shared_task(plan.id, code, codes, index, system, rng, clock))
            else:
                aggregates.append(_task(plan.id, code, codes, index, staff, system, rng, clock))
    return aggregates


def _targets(plan: UUID, system: Actor, rng: random.Random, clock: _Clock) -> list[ScoreTarget]:
    targets = []
    for code in CRITERIA:
        target = ScoreTarget.set(
            plan_id=plan,
            index=Index.PAR_INDEX,
            code=CriterionCode.parse(code),
            year=YEAR,
            definition=Definition(
                name=f"Tiêu chí thành phần {code}",
                level=Level.SUB_CRITERION,
                max_points=Decimal("1"),
                last_year_points=Decimal(rng.randint(0, 100)) / 100,
                target=Target.points(Decimal("1")),
            ),
            actor=system,
            at=clock.tick(),
        )
        target.record_result(
            ResultKind.SELF_ASSESSED, Decimal(rng.randint(50, 100)) / 100, "", system, clock.tick()
        )
        targets.append(target)
    return targets


def _task(
    plan: UUID,
    lead: str,
    codes: list[str],
    index: int,
    staff: Actor,
    system: Actor,
    rng: random.Random,
    clock: _Clock,
) -> Task:
    """A task with a realistic history of about ten events."""
    task = Task.add(
        plan_id=plan,
        reference=f"{lead}.{index + 1}",
        text=f"Nhiệm vụ {index + 1} của {lead}: tổ chức thực hiện và báo cáo kết quả",
        criteria=(CriterionRef.parse(rng.choice(CRITERIA)),),
        lead=(lead,),
        coordinating=(rng.choice(codes),),
        schedule=_schedule(rng),
        expected_output="Báo cáo kết quả",
        actor=system,
        at=clock.tick(),
    )
    for occurrence in task.occurrences:
        _work(task, occurrence or None, staff, rng, clock)
    return task


def _shared_task(
    plan: UUID,
    proposer: str,
    codes: list[str],
    index: int,
    system: Actor,
    rng: random.Random,
    clock: _Clock,
) -> Task:
    """A task every agency leads for its own part; two in five of them report on it."""
    task = Task.add(
        plan_id=plan,
        reference=f"{proposer}.{index + 1}",
        text=f"Nhiệm vụ chung {index + 1}: các sở, ban, ngành cùng thực hiện và báo cáo kết quả",
        criteria=(CriterionRef.parse(rng.choice(CRITERIA)),),
        lead=tuple(codes),
        coordinating=(),
        schedule=_schedule(rng),
        expected_output="Báo cáo kết quả",
        actor=system,
        at=clock.tick(),
    )
    for occurrence in task.occurrences:
        for code in codes:
            if rng.random() < 0.4:
                body = Actor(f"can-bo.{code.lower()}", code, Role.AGENCY)
                task.start(occurrence or None, body, clock.tick())
                if rng.random() < 0.6:
                    task.complete(
                        occurrence or None, "Hoàn thành phần việc", (), body, clock.tick()
                    )
    return task


def _work(
    task: Task, occurrence: str | None, staff: Actor, rng: random.Random, clock: _Clock
) -> None:
    """Start, report progress, then complete (55 %) or hit a blocker (10 %)."""
    task.start(occurrence, staff, clock.tick())
    reports = 8 if occurrence is None else 2
    for percent in sorted(rng.sample(range(5, 100, 5), reports)):
        task.report_progress(
            occurrence, percent, "Đã triển khai theo kế hoạch", (), staff, clock.tick()
        )
    outcome = rng.random()
    if outcome < 0.55:
        task.complete(occurrence, "Hoàn thành", (), staff, clock.tick())
    elif outcome < 0.65:
        task.block(occurrence, "Chờ hướng dẫn", staff, clock.tick())


def _schedule(rng: random.Random) -> Schedule:
    return read_schedule(rng.choice(TIMEFRAMES), YEAR, date(YEAR, 6, 1)).schedule
