"""Báo cáo quý, năm of a plan, downloaded from the pages as HTML, XLSX or CSV.

Reports list every agency's progress and overdue tasks, so only Sở Nội vụ and administrators
may download them, as only they see every task.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from api.days import Day
from api.dependencies import ApiUser, PageUser, SignedIn, Web, WebDep, require_monitor
from api.visible_objects import plan_of
from planner.domain.dates import parse_day
from planner.queries.basis import Basis
from planner.reports.delivery import ReportFormat, render_report
from planner.reports.periods import ReportPeriod

router = APIRouter()

PERIOD = r"^\d{4}(-Q[1-4])?$"
# The report is a standalone page with its own inline styles and SVG charts, and no script.
REPORT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
)
WHERE = "Ngày số liệu (on)"


Period = Annotated[str, Path(pattern=PERIOD, description="2023-Q3 (a quarter) or 2023 (a year)")]
Format = Annotated[str, Query(pattern=r"^(html|xlsx|csv)$")]


@router.get("/plans/{plan_id}/reports/{period}", include_in_schema=False)
def download_report(
    plan_id: UUID,
    period: Period,
    web: WebDep,
    signed: PageUser,
    format: Format = "html",
    on: Annotated[str, Query(max_length=10)] = "",
    basis: Basis = Basis.CURRENT,
) -> Response:
    """The quarter (2023-Q3) or year (2023) report, as of the end of `on` (dd/mm/yyyy)."""
    day = parse_day(on, where=WHERE) if on else None
    return _report(web, signed, plan_id, period, format, day, basis)


@router.get(
    "/api/plans/{plan_id}/reports/{period}",
    tags=["reports"],
    summary="Báo cáo quý, năm của một kế hoạch (HTML, XLSX, CSV) — Sở Nội vụ",
    response_class=Response,
    responses={200: {"content": {f.media_type: {} for f in ReportFormat}}},
)
def report_file(
    plan_id: UUID,
    period: Period,
    web: WebDep,
    signed: ApiUser,
    format: Format = "xlsx",
    on: Annotated[Day | None, Query(description="Số liệu đến hết ngày (ISO 8601)")] = None,
    basis: Annotated[
        Basis,
        Query(description="current: theo số liệu hiện nay; recorded: đã ghi nhận đến ngày `on`"),
    ] = Basis.CURRENT,
) -> Response:
    """The file `planner report quarterly|annual` writes, for programs."""
    return _report(web, signed, plan_id, period, format, on, basis)


def _report(
    web: Web,
    signed: SignedIn,
    plan_id: UUID,
    period: str,
    format: str,
    day: date | None,
    basis: Basis,
) -> Response:
    require_monitor(signed)
    plan = plan_of(web, plan_id)
    rendered = render_report(
        web.planner,
        plan.number,
        _period(period),
        ReportFormat(format),
        day,
        where=WHERE,
        basis=basis,
    )
    disposition = "inline" if format == "html" else "attachment"
    headers = {"Content-Disposition": f'{disposition}; filename="{rendered.filename}"'}
    if format == "html":
        headers["Content-Security-Policy"] = REPORT_POLICY
    return Response(rendered.content, media_type=rendered.media_type, headers=headers)


def _period(key: str) -> ReportPeriod:
    if "-Q" in key:
        return ReportPeriod.parse_quarter(key, where="Kỳ báo cáo")
    return ReportPeriod.parse_year(key, where="Kỳ báo cáo")
