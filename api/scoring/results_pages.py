"""Kết quả: the round's ranking by kind of unit, and the scoring report to download.

Results before publication are Sở Nội vụ's working figures, so only the monitor and
administrators see them; units see their own points on their scorecard.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.dependencies import PageUser, WebDep, require_monitor
from api.pages.templating import render
from api.scoring.round_access import KindPath, YearPath
from planner.application.clock import today
from planner.domain.scoring.results import rounded
from planner.reports.against_plan import against_plan
from planner.reports.delivery import ReportFormat
from planner.reports.scoring_report import render_scoring, scoring_filename

router = APIRouter(include_in_schema=False)

# The report is a standalone page with its own inline styles and no script.
REPORT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
)
RESULT_KINDS = {
    "self_assessed": "Tự đánh giá",
    "appraised": "Đang thẩm định",
    "official": "Chính thức",
}


@router.get("/scoring/{year}/{kind}/results")
def results_page(
    request: Request, year: YearPath, kind: KindPath, web: WebDep, signed: PageUser
) -> Response:
    require_monitor(signed)
    found = web.planner.scoring.results(year, kind)
    areas = [c for c in found.criteria if c.code.depth == 1 and c.max_points is not None]
    return render(
        request,
        "scoring_results.html",
        {
            "results": found,
            "areas": areas,
            "rounded": rounded,
            "result_kinds": RESULT_KINDS,
            "base": f"/scoring/{year}/{kind.value}",
            "formats": [f.value for f in ReportFormat],
        },
    )


@router.get("/scoring/{year}/{kind}/results/report")
def results_report(
    year: YearPath,
    kind: KindPath,
    web: WebDep,
    signed: PageUser,
    format: Annotated[str, Query(pattern=r"^(html|xlsx|csv)$")] = "html",
) -> Response:
    """The same report as `planner report scoring`, as HTML, XLSX or CSV."""
    require_monitor(signed)
    found = web.planner.scoring.results(year, kind)
    against = against_plan(web.planner, year, kind, today(web.planner.workspace.clock))
    fmt = ReportFormat(format)
    disposition = "inline" if fmt is ReportFormat.HTML else "attachment"
    headers = {"Content-Disposition": f'{disposition}; filename="{scoring_filename(found, fmt)}"'}
    if fmt is ReportFormat.HTML:
        headers["Content-Security-Policy"] = REPORT_POLICY
    return Response(render_scoring(found, fmt, against), media_type=fmt.media_type, headers=headers)
