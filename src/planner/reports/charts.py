"""Charts for the HTML report, as shapes an inline SVG draws: no script, prints as drawn."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planner.presentation.vietnamese import format_number, format_percent
from planner.reports.model import CriterionLine, ProgressSection, ScoreSection

WIDTH = 680
LABEL = 230  # room for the row labels, left of the bars
BAR = WIDTH - LABEL - 110  # and room for the figures right of them
ROW = 18


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str = ""
    kind: str = "rect"


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    css: str = ""
    anchor: str = "start"
    kind: str = "text"


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    css: str
    title: str = ""
    kind: str = "line"


Shape = Rect | Text | Line


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    shapes: tuple[Shape, ...]
    legend: tuple[tuple[str, str], ...]  # (css class, label)


def progress_chart(section: ProgressSection) -> Chart:
    """Each agency's occurrences as one bar: on time, late, still open, overdue."""
    shapes: list[Shape] = []
    for number, agency in enumerate(section.agencies):
        y = number * ROW + 4
        counts = agency.counts
        parts = (
            ("on-time", counts.completed_on_time, "hoàn thành đúng hạn"),
            ("late", counts.completed_late, "hoàn thành trễ hạn"),
            ("open", counts.open - counts.overdue, "chưa hoàn thành, trong hạn"),
            ("overdue", counts.overdue, "quá hạn"),
        )
        x = float(LABEL)
        for css, count, label in parts:
            if counts.total and count:
                width = BAR * count / counts.total
                shapes.append(Rect(_r(x), y, _r(width), ROW - 5, css, f"{count} {label}"))
                x += width
        shapes.append(Text(LABEL - 6, y + ROW - 8, _short(agency.agency_name), anchor="end"))
        shapes.append(
            Text(LABEL + BAR + 6, y + ROW - 8, format_percent(counts.percent_complete), "figure")
        )
    return Chart(
        title="Tỷ lệ hoàn thành theo cơ quan chủ trì",
        width=WIDTH,
        height=len(section.agencies) * ROW + 8,
        shapes=tuple(shapes),
        legend=(
            ("on-time", "Hoàn thành đúng hạn"),
            ("late", "Hoàn thành trễ hạn"),
            ("open", "Chưa hoàn thành, trong hạn"),
            ("overdue", "Quá hạn"),
        ),
    )


def score_chart(section: ScoreSection) -> Chart | None:
    """Per area (or criterion): last year and the latest result against the target."""
    lines = _charted(section)
    if not lines:
        return None
    shapes: list[Shape] = []
    for number, line in enumerate(lines):
        y = number * (ROW + 4) + 4
        scale = line.max_points or Decimal(100)
        shapes.append(Rect(LABEL, y, BAR, ROW - 2, "track", f"tối đa {format_number(scale)}"))
        for value, css, height, label in (
            (line.last_year_points, "last-year", ROW - 2, f"năm {section.year - 1}"),
            (line.result_points, "result", (ROW - 2) / 2, "kết quả"),
        ):
            if value is not None:
                top = y + (ROW - 2 - height) / 2
                width = BAR * float(min(value / scale, Decimal(1)))
                title = f"{label}: {format_number(value)}"
                shapes.append(Rect(LABEL, _r(top), _r(width), _r(height), css, title))
        if line.target_value is not None:
            x = _r(LABEL + BAR * float(min(line.target_value / scale, Decimal(1))))
            target = f"mục tiêu: {format_number(line.target_value)}"
            shapes.append(Line(x, y - 2, x, y + ROW, "target", target))
        label = f"{line.code} {line.name}".strip() if line.name else line.code
        shapes.append(Text(LABEL - 6, y + ROW - 6, _short(label), anchor="end"))
        shapes.append(Text(LABEL + BAR + 6, y + ROW - 6, _figure(line), "figure"))
    return Chart(
        title=f"Năm {section.year - 1}, mục tiêu và kết quả năm {section.year}",
        width=WIDTH,
        height=len(lines) * (ROW + 4) + 8,
        shapes=tuple(shapes),
        legend=(
            ("last-year", f"Năm {section.year - 1}"),
            ("result", f"Kết quả năm {section.year}"),
            ("target", f"Mục tiêu năm {section.year}"),
            ("track", "Điểm tối đa" if not section.is_percent else "100%"),
        ),
    )


def _charted(section: ScoreSection) -> list[CriterionLine]:
    """The areas, or the criteria when the plan lists no areas with figures."""
    with_figures = [
        line
        for line in section.lines
        if line.code and (line.last_year_points is not None or line.target_value is not None)
    ]
    areas = [line for line in with_figures if line.depth == 1]
    return areas or with_figures


def _figure(line: CriterionLine) -> str:
    """5,5 → 9, and what was achieved once there is a result."""
    figure = " → ".join(
        format_number(v) for v in (line.last_year_points, line.target_value) if v is not None
    )
    if line.result_points is not None:
        figure += f" (đạt {format_number(line.result_points)})"
    return figure


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _r(value: float) -> float:
    return round(value, 1)
