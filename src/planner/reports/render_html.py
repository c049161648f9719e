"""The report as one print-ready A4 HTML page in Vietnamese, with inline SVG charts."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from planner.presentation.vietnamese import format_date, format_number, format_percent
from planner.reports.cell_text import cell_text
from planner.reports.charts import progress_chart, score_chart
from planner.reports.model import ProgressReport, ScoreSection
from planner.reports.progress_tables import completed_table, overdue_table, progress_table
from planner.reports.score_tables import score_headline, score_table
from planner.reports.tables import Kind
from planner.reports.titles import data_date, due_date, report_subtitle, report_title

_environment = Environment(
    loader=PackageLoader("planner.reports", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_environment.filters.update(
    cell=cell_text,
    date=format_date,
    number=format_number,
    percent=format_percent,
)


def render_html(report: ProgressReport) -> bytes:
    template = _environment.get_template("report.html.j2")
    page = template.render(
        report=report,
        title=report_title(report),
        subtitle=report_subtitle(report),
        data_date=data_date(report),
        due_date=due_date(report),
        headlines=[line for section in report.scores if (line := score_headline(section))],
        numeric={kind for kind in Kind if kind is not Kind.TEXT},
        progress_table=progress_table(report),
        progress_chart=progress_chart(report.progress) if report.progress.agencies else None,
        sections=[_section(section) for section in report.scores],
        overdue_table=overdue_table(report),
        completed_table=completed_table(report),
    )
    return page.encode("utf-8")


def _section(section: ScoreSection) -> dict[str, object]:
    return {"section": section, "table": score_table(section), "chart": score_chart(section)}
