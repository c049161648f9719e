"""/api/plans/{plan_id}/status-reports: a plan's report of results, recorded as of its days."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Form, UploadFile

from api.days import Day
from api.dependencies import ApiUser, WebDep, api_user
from api.field_error import FieldInvalid
from api.imports.answers import StatusReportAnswer
from api.imports.importing import require_import_rights
from api.one_thread_route import OneThreadRoute
from api.visible_objects import plan_of
from planner.importer.document_file import read_document_bytes
from planner.importer.errors import UnreadableDocument
from planner.importer.status_report import read_status_report

router = APIRouter(
    route_class=OneThreadRoute, prefix="/api", tags=["imports"], dependencies=[Depends(api_user)]
)


@router.post(
    "/plans/{plan_id}/status-reports",
    summary="Nhập báo cáo kết quả thực hiện của kế hoạch (ghi theo ngày báo cáo) — Sở Nội vụ",
)
def import_status_report(
    plan_id: UUID,
    file: UploadFile,
    web: WebDep,
    signed: ApiUser,
    as_of: Annotated[Day | None, Form(description="Ngày số liệu, khi báo cáo không ghi")] = None,
    dry_run: Annotated[bool, Form()] = False,
) -> StatusReportAnswer:
    """What was recorded, what was already so, and every row that could not be read."""
    require_import_rights(signed)
    plan = plan_of(web, plan_id)
    try:
        document = read_document_bytes(file.file.read(), file.filename or "bao-cao")
    except UnreadableDocument as error:
        raise FieldInvalid(error.message, ["body", "file"]) from None
    report = read_status_report(document)
    outcome = web.planner.status_reports.store(report, plan.plan_id, signed.actor, as_of, dry_run)
    return StatusReportAnswer(plan=plan.number, dry_run=dry_run, **asdict(outcome))
