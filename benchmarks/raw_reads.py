"""Floors for the nationwide questions: reading the view rows an answer is made of.

Each floor runs the statements behind a question as plain DB-API fetches that build no
objects, on the same store in the same run, so a query's time can be read against what
merely reading its rows costs on this machine.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from sqlalchemy import Engine

OPEN = "('not_started', 'in_progress', 'blocked')"

FLOORS: dict[str, tuple[str, ...]] = {
    "overdue, all plans: first 100": (
        "SELECT o.*, t.text, t.lead FROM view_task_occurrences o "
        "JOIN view_tasks t ON t.task_id = o.task_id "
        f"WHERE o.due_on < :day AND o.status IN {OPEN} "
        "ORDER BY o.due_on, o.plan_number, o.reference, o.occurrence LIMIT 100",
        "SELECT code, carried_by FROM view_agencies",
    ),
    "overdue, all plans: count": (
        "SELECT SUM(occurrences) FROM view_open_by_due_date WHERE due_on < :day",
    ),
    "progress per agency, all plans": (
        "SELECT * FROM view_progress_counts",
        "SELECT plan_id, leads, SUM(occurrences) FROM view_open_by_due_date "
        "WHERE due_on < :day GROUP BY plan_id, leads",
        "SELECT code, carried_by, name FROM view_agencies",
        "SELECT plan_id, number FROM view_plans",
    ),
    "score board, all plans": (
        "SELECT * FROM view_score_boards",
        "SELECT plan_id, number FROM view_plans",
    ),
}


def read_ms(engine: Engine, statements: tuple[str, ...], day: date) -> float:
    """Milliseconds to run the statements and fetch every row, on one pooled connection."""
    sqlite = engine.dialect.name == "sqlite"
    parameter: Any = day.isoformat() if sqlite else day
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        start = time.perf_counter()
        for statement in statements:
            sql = statement.replace(":day", "?" if sqlite else "%s")
            cursor.execute(sql, (parameter,) if ":day" in statement else ())
            cursor.fetchall()
        elapsed = time.perf_counter() - start
        cursor.close()
    finally:
        connection.close()
    return elapsed * 1000
