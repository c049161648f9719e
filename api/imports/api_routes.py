"""/api/imports: upload a published plan, check it (dry run), then confirm — Sở Nội vụ only."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, UploadFile
from fastapi.responses import JSONResponse

from api.dependencies import ApiUser, WebDep, api_user
from api.errors import error_body
from api.field_error import FieldInvalid
from api.imports.answers import ImportAnswer, RefusedImport
from api.imports.importing import (
    Imported,
    import_staged,
    require_import_rights,
    stage_upload,
    staging,
)
from api.imports.staging import TOKEN_PATTERN
from api.one_thread_route import OneThreadRoute
from planner.domain.errors import DomainError, InvalidValue
from planner.domain.import_corrections import (
    NO_CORRECTIONS,
    Corrections,
    corrections_from_json,
)
from planner.importer.errors import UnreadableDocument
from planner.storage.evidence_files import FileTooLarge

router = APIRouter(
    route_class=OneThreadRoute, prefix="/api", tags=["imports"], dependencies=[Depends(api_user)]
)

ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"model": ImportAnswer, "description": "Chạy thử: báo cáo, và `import_id` để ghi"},
    201: {"model": ImportAnswer, "description": "Đã ghi"},
    422: {"model": RefusedImport, "description": "Văn bản có lỗi phải sửa; không ghi gì"},
}

ImportId = Annotated[str, Path(pattern=TOKEN_PATTERN, description="`import_id` of a dry run")]


@router.post(
    "/imports",
    summary="Nhập kế hoạch từ tệp .txt, .docx, .xlsx (chạy thử hoặc ghi ngay)",
    responses=ANSWERS,
)
def upload_document(
    file: UploadFile,
    web: WebDep,
    signed: ApiUser,
    dry_run: Annotated[bool, Form()] = False,
    year: Annotated[
        int | None, Form(ge=1990, le=2100, description="Năm của kế hoạch, khi văn bản ghi sai")
    ] = None,
    corrections: Annotated[
        str | None,
        Form(
            description="Các sửa cách đọc, JSON như `planner import --corrections` đọc "
            "(và `corrections` của câu trả lời ghi)"
        ),
    ] = None,
) -> JSONResponse:
    """The object `planner import --json` prints; a dry run also gives `import_id` to confirm."""
    require_import_rights(signed)
    given = Corrections(year=year).over(_corrections(corrections))
    try:
        staged = stage_upload(web, signed, file, given)
        imported = import_staged(web, signed, staged, dry_run)
    except (UnreadableDocument, FileTooLarge) as error:
        raise _file_field(error) from None
    return _answer(imported)


@router.post(
    "/imports/{import_id}/confirm",
    summary="Ghi văn bản đã chạy thử",
    responses=ANSWERS,
)
def confirm_import(import_id: ImportId, web: WebDep, signed: ApiUser) -> JSONResponse:
    """Stores the document uploaded with `dry_run`; importing it twice records nothing."""
    require_import_rights(signed)
    staged = staging(web).open(import_id, signed.user.username)
    return _answer(import_staged(web, signed, staged, dry_run=False))


def _corrections(text: str | None) -> Corrections:
    if not text:
        return NO_CORRECTIONS
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FieldInvalid(
            f"corrections: không phải JSON hợp lệ ({error})", ["body", "corrections"]
        ) from None
    try:
        return corrections_from_json(data, "corrections")
    except InvalidValue as error:
        raise FieldInvalid(error.message, ["body", "corrections"]) from None


def _file_field(error: DomainError) -> FieldInvalid:
    """The same refusal, naming the multipart field at fault."""
    refused = FieldInvalid(error.message, ["body", "file"])
    refused.code = error.code
    return refused


def _answer(imported: Imported) -> JSONResponse:
    """The report through its model, so the body is always the one documented."""
    body: dict[str, Any] = imported.as_json()
    if imported.refused:
        detail = [
            {"loc": ["body", "file"], "msg": finding["text"], "type": "document_error"}
            for finding in body["errors"]
        ]
        message = f"không nhập gì: văn bản có {len(detail)} lỗi phải sửa trước" + (
            f" — {detail[0]['msg']}" if detail else ""
        )
        refused = RefusedImport.model_validate(
            {**error_body("document_refused", message, detail), **body}
        )
        return JSONResponse(_plain(refused), 422)
    return JSONResponse(_plain(ImportAnswer.model_validate(body)), 200 if imported.dry_run else 201)


def _plain(answer: ImportAnswer) -> dict[str, Any]:
    plain: dict[str, Any] = answer.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return plain
