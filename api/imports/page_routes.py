"""Nhập kế hoạch: upload a document, read the preview with its warnings, confirm to store it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from api.auth.csrf import require_token
from api.dependencies import PageUser, SignedIn, Web, WebDep
from api.errors import status_of
from api.imports.corrections_form import form_corrections, plan_year
from api.imports.importing import (
    Imported,
    import_staged,
    require_import_rights,
    stage_upload,
    staging,
)
from api.imports.staging import TOKEN_PATTERN
from api.pages.templating import render
from planner.domain.agency_registry import GROUPS
from planner.domain.errors import DomainError
from planner.domain.identity import plan_id
from planner.domain.import_corrections import COLUMN_FIELDS, Corrections, RowRole
from planner.domain.plan import plan_number

router = APIRouter(include_in_schema=False)

STORED_NAMES = {
    "plan": "kế hoạch",
    "target": "mục tiêu",
    "task": "nhiệm vụ",
    "obligation": "yêu cầu",
    "criteria_set": "bộ tiêu chí",
    "corrections": "bản sửa cách đọc văn bản",
    "alias": "tên gọi khác của cơ quan",
}

ImportId = Annotated[str, Path(pattern=TOKEN_PATTERN)]


@router.get("/imports")
def import_form(request: Request, signed: PageUser) -> Response:
    require_import_rights(signed)
    return render(request, "import.html", {})


@router.post("/imports", dependencies=[Depends(require_token)])
async def preview(request: Request, web: WebDep, signed: PageUser) -> Response:
    """Keep the upload and show what it holds; nothing is stored yet."""
    require_import_rights(signed)
    form = await request.form()
    upload = form.get("document")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return render(request, "import.html", {"error": "hãy chọn tệp văn bản để nhập"}, 422)
    try:
        year = plan_year(str(form.get("year") or ""))
        imported = await run_in_threadpool(_dry_run, web, signed, upload, year)
    except DomainError as error:
        context = {"error": error.message, "file": upload.filename}
        return render(request, "import.html", context, status_of(error))
    context = await run_in_threadpool(_page, web, imported)
    return render(request, "import_preview.html", context, 422 if imported.refused else 200)


@router.post("/imports/{import_id}/review", dependencies=[Depends(require_token)])
async def review(request: Request, import_id: ImportId, web: WebDep, signed: PageUser) -> Response:
    """Read the upload again with the corrections on the form ("Xem lại"); nothing is stored."""
    require_import_rights(signed)
    form = await request.form()
    owner = signed.user.username
    staged = staging(web).open(import_id, owner)
    error = None
    try:
        staged = staging(web).correct(staged, owner, form_corrections(form))
    except DomainError as refused:
        error = refused.message
    imported = await run_in_threadpool(import_staged, web, signed, staged, True)
    context = {**await run_in_threadpool(_page, web, imported), "error": error}
    status = 422 if imported.refused or error else 200
    return render(request, "import_preview.html", context, status)


@router.post("/imports/{import_id}/confirm", dependencies=[Depends(require_token)])
def confirm(request: Request, import_id: ImportId, web: WebDep, signed: PageUser) -> Response:
    """Store the document previewed; importing the same document again changes nothing."""
    require_import_rights(signed)
    staged = staging(web).open(import_id, signed.user.username)
    imported = import_staged(web, signed, staged, dry_run=False)
    status = 422 if imported.refused else 200
    context = {**_page(web, imported), "plan_id": _plan_id(imported)}
    return render(request, "import_done.html", context, status)


def _dry_run(web: Web, signed: SignedIn, upload: UploadFile, year: int | None) -> Imported:
    staged = stage_upload(web, signed, upload, Corrections(year=year))
    return import_staged(web, signed, staged, dry_run=True)


def _page(web: Web, imported: Imported) -> dict[str, Any]:
    return {
        "report": imported.as_json(),
        "issued_on": imported.report.header.issued_on,
        "names": {
            **{group.code: group.name for group in GROUPS},
            **{a.code: a.name for a in web.planner.views.agencies()},
        },
        "stored_names": STORED_NAMES,
        "refused": imported.refused,
        "changed_nothing": imported.changed_nothing,
        "import_id": imported.token,
        "staged_id": imported.staged.token,
        "agencies": sorted((a.code, a.name) for a in web.planner.views.agencies()),
        "roles": [(r.value, r.label) for r in RowRole],
        "column_fields": COLUMN_FIELDS,
        "kept": imported.kept,
        "corrections": imported.report.corrections,
    }


def _plan_id(imported: Imported) -> str | None:
    """The stored plan's page, when the document was a plan."""
    document = imported.report.document
    if document is None or document.plan is None or imported.refused:
        return None
    return str(plan_id(document.plan.province, plan_number(document.plan.number)))
