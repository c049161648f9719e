"""Tiến độ per agency and plan: each occurrence a lead agency answers for counts once.

Work led by a body that was later merged, split or dissolved rolls up to the body that
carries it on today.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from uuid import UUID

from sqlalchemy import Connection, func, select

from planner.projections.part_counts import PROGRESS_COUNTS
from planner.projections.schema import agencies, open_by_due_date, plans, progress_counts
from planner.queries.driver_rows import driver_rows
from planner.queries.parsed_once import as_text, parsed_once


# Not frozen: the country's progress is thousands of rows, built at once.
@dataclass(slots=True)
class AgencyProgress:
    agency: str
    agency_name: str
    plan_id: UUID
    plan_number: str
    total: int
    completed: int
    completed_on_time: int
    in_progress: int
    not_started: int
    blocked: int
    overdue: int
    cancelled: int
    percent_complete: Decimal


_PLAN_NUMBERS = select(as_text(plans.c.plan_id), plans.c.number)
# Each (agency, plan)'s counts, in this order: those the task list keeps, then overdue.
_STORED = [progress_counts.c[name] for name in PROGRESS_COUNTS]
_OVERDUE = len(PROGRESS_COUNTS)


def progress(connection: Connection, on: date, plan_id: UUID | None = None) -> list[AgencyProgress]:
    """Counts per (agency carrying the work today, plan); `total` leaves out cancelled work."""
    return progress_of_counts(connection, _counts_by_leads(connection, on, plan_id))


def progress_of_counts(
    connection: Connection, by_leads: dict[tuple[str, str], list[int]]
) -> list[AgencyProgress]:
    """Counts kept per (plan, lead agencies), rolled up to each agency carrying the work today.

    Each list holds the counts in `PROGRESS_COUNTS` order, then overdue.
    """
    carriers, names = _carriers_and_names(connection)
    counted: dict[tuple[str, str], list[int]] = {}
    for (plan, leads), counts in by_leads.items():
        # Work two merged bodies led together counts once for the body carrying both on.
        for agency in {carriers.get(code, code) for code in leads.split(",") if code}:
            before = counted.get((agency, plan))
            counted[agency, plan] = (
                counts if before is None else [a + b for a, b in zip(before, counts, strict=True)]
            )
    numbers: dict[str, str] = dict(driver_rows(connection, _PLAN_NUMBERS))
    plan_ids, percent = parsed_once(UUID), cache(_percent)
    result = [
        _progress(
            agency,
            names.get(agency, agency),
            plan_ids(plan),
            numbers.get(plan, ""),
            counts,
            percent,
        )
        for (agency, plan), counts in counted.items()
    ]
    return sorted(result, key=lambda p: (p.plan_number, -p.percent_complete, p.agency))


def _progress(
    agency: str,
    name: str,
    plan_id: UUID,
    number: str,
    counts: list[int],
    percent: Callable[[int, int], Decimal],
) -> AgencyProgress:
    total, completed, on_time, in_progress, not_started, blocked, cancelled, overdue = counts
    return AgencyProgress(
        agency=agency,
        agency_name=name,
        plan_id=plan_id,
        plan_number=number,
        total=total,
        completed=completed,
        completed_on_time=on_time,
        in_progress=in_progress,
        not_started=not_started,
        blocked=blocked,
        overdue=overdue,
        cancelled=cancelled,
        percent_complete=percent(completed, total),
    )


def _counts_by_leads(
    connection: Connection, on: date, plan_id: UUID | None
) -> dict[tuple[str, str], list[int]]:
    """The counts of each plan's work per set of lead agencies, overdue as of `on` last."""
    counts, open_work = progress_counts.c, open_by_due_date.c
    stored = select(as_text(counts.plan_id), counts.leads, *_STORED)
    overdue = (
        select(as_text(open_work.plan_id), open_work.leads, func.sum(open_work.occurrences))
        .where(open_work.due_on < on)
        .group_by(open_work.plan_id, open_work.leads)
    )
    if plan_id is not None:
        stored = stored.where(counts.plan_id == plan_id)
        overdue = overdue.where(open_work.plan_id == plan_id)
    by_leads: dict[tuple[str, str], list[int]] = {}
    for plan, leads, *values in driver_rows(connection, stored):
        by_leads[plan, leads] = [*values, 0]
    for plan, leads, late in driver_rows(connection, overdue):
        by_leads[plan, leads][_OVERDUE] = int(late)
    return by_leads


def _carriers_and_names(connection: Connection) -> tuple[dict[str, str], dict[str, str]]:
    """Who carries each agency's work on today (itself unless reorganised), and its name."""
    rows = driver_rows(connection, select(agencies.c.code, agencies.c.carried_by, agencies.c.name))
    carriers, names = {}, {}
    for code, carrier, name in rows:
        carriers[code], names[code] = carrier, name
    return carriers, names


def _percent(part: int, whole: int) -> Decimal:
    if whole == 0:
        return Decimal("0.0")
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
