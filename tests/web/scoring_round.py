"""A round of departments on a running server: Điện Biên's criteria (2270/QĐ-UBND) imported,
the round opened through the API, its calendar set around today (the server's clock is real)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from planner.application.clock import SystemClock, today
from planner.bootstrap.store import open_planner
from planner.domain.actor import Role
from planner.domain.criteria_set import UnitKind
from planner.domain.scoring.calendar import ScoringCalendar
from planner.settings import Settings
from tests.scoring.province import set_up_province
from tests.web.server import Server

TODAY = today(SystemClock())
YEAR = TODAY.year
KIND = UnitKind.DEPARTMENT
ROUND = f"/api/scoring/rounds/{YEAR}/department"
MONITOR = "chuyen-vien.snv"


def open_for_self_assessment(day: date) -> ScoringCalendar:
    """Self-assessment closes in a month, the appraisal two weeks later."""
    return ScoringCalendar(
        survey_by=day,
        self_assessment_closes=day + timedelta(days=30),
        appraisal_closes=day + timedelta(days=45),
        response_days=10,
        publication_by=day + timedelta(days=120),
    )


def all_past(day: date) -> ScoringCalendar:
    """Every step of the calendar is over: units may no longer answer, the team may finalize."""
    return ScoringCalendar(
        survey_by=day - timedelta(days=120),
        self_assessment_closes=day - timedelta(days=90),
        appraisal_closes=day - timedelta(days=60),
        response_days=10,
        publication_by=day - timedelta(days=10),
    )


def open_round(server: Server) -> dict[str, Any]:
    """The department round of this year, as GET /api/scoring/rounds/... answers it."""
    with open_planner(Settings(database_url=server.database_url)) as planner:
        set_up_province(planner)
    with server.client() as client:
        answer = client.post(
            "/api/scoring/rounds",
            json={"year": YEAR, "unit_kind": "department"},
            headers=server.headers(MONITOR),
        )
    assert answer.status_code == 201, answer.text
    set_calendar(server, open_for_self_assessment(TODAY))
    round_: dict[str, Any] = answer.json()["round"]
    return round_


def set_calendar(server: Server, calendar: ScoringCalendar) -> None:
    """Sở Nội vụ changes the round's dates (a CLI command; the web has no form for it)."""
    with open_planner(Settings(database_url=server.database_url)) as planner:
        monitor = planner.actor(MONITOR, "SNV", Role.MONITOR)
        planner.scoring.set_calendar(YEAR, KIND, calendar, monitor)


def own_rows(round_: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows a department scores itself (no row is marked not evaluated in these tests)."""
    return [c for c in round_["criteria"] if c["scored"] and not c["survey_based"]]


def full_marks(round_: dict[str, Any]) -> list[dict[str, Any]]:
    """Every own row at its maximum, explained in words."""
    return [
        {"code": c["code"], "points": c["max_points"], "explanation": "Đã thực hiện đầy đủ"}
        for c in own_rows(round_)
    ]


def claimed(round_: dict[str, Any]) -> Decimal:
    return sum((Decimal(c["max_points"]) for c in own_rows(round_)), Decimal(0))
