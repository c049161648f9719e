"""What Sở Nội vụ's dashboard asks beyond overdue and progress: what is due soon, and which
criteria's points are at risk because their tasks are late or blocked."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.demo.loader import load_demo


def test_upcoming_deadlines_and_points_at_risk_in_the_bắc_kạn_sample(
    planner: Planner, clock: FixedClock
) -> None:
    load_demo(planner, clock)
    soon = planner.views.upcoming(date(2023, 11, 25), 30)
    assert [(i.reference, i.occurrence, i.days_left) for i in soon] == [
        ("PL2 I.1", "2023-Q4", 17),
        ("PL2 I.1b", "2023-Q4", 17),
    ]
    assert planner.views.upcoming(date(2023, 11, 25), 30, agency="STP")[0].reference == "PL2 I.1b"
    assert planner.views.upcoming(date.max, 30) == []

    at_risk = planner.views.points_at_risk(date(2023, 10, 2))
    assert [(c.index, c.code, c.max_points) for c in at_risk] == [
        ("PAR_INDEX", "7.1.2", Decimal(1)),
        ("PAR_INDEX", "3.2.1", Decimal("0.5")),
    ]
    blocked, late = at_risk[0].tasks[0], at_risk[1].tasks[0]
    assert (blocked.reference, blocked.status) == ("PL2 VII.1", "blocked")
    assert (late.reference, late.due_on) == ("PL2 III.2", date(2023, 9, 30))
