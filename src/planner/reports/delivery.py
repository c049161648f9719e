"""A plan's report for a period, rendered to bytes: for the command line, the web app and e-mail."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from planner.application.planner import Planner
from planner.domain.errors import InvalidValue
from planner.queries.basis import Basis
from planner.reports.building import build_report
from planner.reports.model import ProgressReport
from planner.reports.periods import ReportPeriod
from planner.reports.render_csv import render_csv
from planner.reports.render_html import render_html
from planner.reports.render_xlsx import render_xlsx
from planner.reports.results import ResultSource


class ReportFormat(StrEnum):
    HTML = "html"
    XLSX = "xlsx"
    CSV = "csv"

    @classmethod
    def parse(cls, text: str, *, where: str = "--format") -> ReportFormat:
        key = text.strip().lower().lstrip(".")
        if key in cls._value2member_map_:
            return cls(key)
        if not key:
            raise InvalidValue(f"{where}: chưa rõ định dạng; hãy chọn --format html, xlsx hoặc csv")
        raise InvalidValue(f"{where}: không có định dạng '{text}' (html, xlsx hoặc csv)")

    @property
    def media_type(self) -> str:
        return {
            "html": "text/html; charset=utf-8",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "csv": "text/csv; charset=utf-8",
        }[self.value]


RENDERERS: dict[ReportFormat, Callable[[ProgressReport], bytes]] = {
    ReportFormat.HTML: render_html,
    ReportFormat.XLSX: render_xlsx,
    ReportFormat.CSV: render_csv,
}


@dataclass(frozen=True)
class RenderedReport:
    """What to send: the bytes, their media type, and a file name for the attachment."""

    content: bytes
    media_type: str
    filename: str
    report: ProgressReport


def render(report: ProgressReport, fmt: ReportFormat) -> RenderedReport:
    return RenderedReport(RENDERERS[fmt](report), fmt.media_type, filename(report, fmt), report)


def render_report(
    planner: Planner,
    plan_number: str,
    period: ReportPeriod,
    fmt: ReportFormat,
    as_of: date | None = None,
    sources: Sequence[ResultSource] | None = None,
    *,
    where: str = "ngày số liệu",
    basis: Basis = Basis.CURRENT,
) -> RenderedReport:
    """The report of a plan for a quarter or a year, as of the end of a day, in one format.

    Without `sources`, results come from the scoring rounds (see build_report).
    """
    report = build_report(planner, plan_number, period, as_of, sources, where=where, basis=basis)
    return render(report, fmt)


def filename(report: ProgressReport, fmt: ReportFormat) -> str:
    """bao-cao-2023-Q3-365-KH-UBND-den-30-09-2023.html: ASCII, safe in any mail client."""
    number = "".join(c if c.isascii() and c.isalnum() else "-" for c in report.plan.number)
    day = report.as_of.strftime("%d-%m-%Y")
    # The reading as recorded is the one sent that day; the default reading is unmarked.
    marked = "-da-ghi-nhan" if report.basis is Basis.RECORDED else ""
    return f"bao-cao-{report.period.key}-{number.strip('-')}-den-{day}{marked}.{fmt.value}"
