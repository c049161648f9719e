"""Charts drawn on the server as SVG geometry: bars in viewBox units the templates place."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planner.queries.progress import AgencyProgress
from planner.queries.score_board import ScoreLine

WIDTH = 100  # bars are drawn on a 0–100 scale; the SVG stretches them to the page


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    css: str
    count: int


@dataclass(frozen=True)
class ProgressBar:
    label: str
    percent: Decimal
    total: int
    overdue: int
    segments: list[Segment]


def progress_bars(rows: list[AgencyProgress]) -> list[ProgressBar]:
    """One stacked bar per agency: completed, in progress, blocked, not started."""
    bars = []
    for row in sorted(rows, key=lambda r: (-r.percent_complete, r.agency_name)):
        parts = [
            ("done", row.completed),
            ("doing", row.in_progress),
            ("blocked", row.blocked),
            ("todo", row.not_started),
        ]
        x = 0.0
        segments = []
        for css, count in parts:
            width = WIDTH * count / row.total if row.total else 0.0
            if count:
                segments.append(Segment(round(x, 2), round(width, 2), css, count))
            x += width
        bars.append(
            ProgressBar(row.agency_name, row.percent_complete, row.total, row.overdue, segments)
        )
    return bars


@dataclass(frozen=True)
class TargetBar:
    """A criterion on its own scale (its max points, or 100 for percentages)."""

    label: str
    name: str
    scale: Decimal
    unit: str
    last_year: float | None
    target: float | None
    result: float | None
    values: tuple[Decimal | None, Decimal | None, Decimal | None]


def target_bars(lines: list[ScoreLine]) -> list[TargetBar]:
    """Criteria the plan states with a numeric target: last year, target and latest result."""
    bars = []
    for line in lines:
        if not line.stated or line.target_value is None or not line.code:
            continue
        percent = line.target_kind == "percent"
        scale = Decimal(100) if percent else line.max_points
        if not scale:
            continue
        bars.append(
            TargetBar(
                label=f"{_index_label(line.index)} {line.code}",
                name=line.name,
                scale=scale,
                unit="%" if percent else "điểm",
                last_year=_share(line.last_year_points, scale),
                target=_share(line.target_value, scale),
                result=_share(line.result_points, scale),
                values=(line.last_year_points, line.target_value, line.result_points),
            )
        )
    return bars


def _share(value: Decimal | None, scale: Decimal) -> float | None:
    if value is None:
        return None
    return round(float(min(value / scale, Decimal(1))) * WIDTH, 2)


def _index_label(index: str) -> str:
    return "PAR INDEX" if index == "PAR_INDEX" else index
