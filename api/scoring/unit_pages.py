"""Tự chấm điểm: a unit's staff score their unit, attach evidence, submit, answer the appraisal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from api.auth.csrf import require_token
from api.dependencies import PageUser, SignedIn, Web, WebDep
from api.errors import status_of
from api.pages.templating import render
from api.scoring.forms import ScoringForm, self_assessment_entries
from api.scoring.round_access import KindPath, UnitPath, YearPath, card_of, current_day, rounds_for
from api.scoring.rows import card_state, rows
from planner.application.errors import NotFound
from planner.domain.criteria_set import UnitKind
from planner.domain.errors import DomainError

router = APIRouter(include_in_schema=False)

SAVED = {
    "draft": "đã lưu bản nháp tự chấm điểm",
    "submit": "đã nộp kết quả tự đánh giá",
    "respond": "đã gửi phản hồi kết quả thẩm định",
    "nothing": "không có thay đổi nào để lưu",
}
FileReference = Annotated[str, Path(pattern=r"^[0-9a-f]{64}(\.[a-z0-9]{1,8})?$")]


@router.get("/scoring")
def scoring_home(request: Request, web: WebDep, signed: PageUser) -> Response:
    """The recent rounds the user takes part in (all of them for Sở Nội vụ)."""
    return render(
        request,
        "scoring_home.html",
        {
            "rounds": rounds_for(web, signed),
            "names": {a.code: a.name for a in web.planner.views.agencies()},
            "oversees": signed.actor.oversees or signed.actor.administers,
        },
    )


@router.get("/scoring/{year}/{kind}/units/{unit}")
def unit_page(
    request: Request, year: YearPath, kind: KindPath, unit: UnitPath, web: WebDep, signed: PageUser
) -> Response:
    saved = SAVED.get(request.query_params.get("saved", ""), "")
    return render(
        request, "scoring_unit.html", {**unit_sheet(web, signed, year, kind, unit), "saved": saved}
    )


def unit_sheet(web: Web, signed: SignedIn, year: int, kind: UnitKind, unit: str) -> dict[str, Any]:
    round_, card = card_of(web, signed, year, kind, unit)
    return {
        "round": round_,
        "card": card,
        "rows": rows(round_, card),
        "state": card_state(round_, card, current_day(web)),
        "unit_name": web.planner.views.directory().agencies[card.unit].name,
        "base": f"/scoring/{year}/{kind.value}/units/{card.unit}",
        "oversees": signed.actor.oversees,
        "posted": {},
    }


Action = Callable[[Web, SignedIn, int, UnitKind, str, ScoringForm], str]


def _save_draft(
    web: Web, signed: SignedIn, year: int, kind: UnitKind, unit: str, form: ScoringForm
) -> str:
    round_, card = card_of(web, signed, year, kind, unit)
    entries = self_assessment_entries(form, rows(round_, card))
    if not entries:
        return "nothing"
    web.planner.scoring.self_assess_many(year, kind, unit, entries, signed.actor)
    return "draft"


def _submit(
    web: Web, signed: SignedIn, year: int, kind: UnitKind, unit: str, _form: ScoringForm
) -> str:
    web.planner.scoring.submit(year, kind, unit, signed.actor)
    return "submit"


def _respond(
    web: Web, signed: SignedIn, year: int, kind: UnitKind, unit: str, form: ScoringForm
) -> str:
    code = form.text("code")
    web.planner.scoring.respond(
        year,
        kind,
        unit,
        code,
        form.text("explanation"),
        signed.actor,
        evidence=form.new_evidence(),
    )
    return "respond"


ACTIONS: dict[str, Action] = {"draft": _save_draft, "submit": _submit, "respond": _respond}
ActionPath = Annotated[str, Path(pattern="^(" + "|".join(ACTIONS) + ")$")]


@router.post("/scoring/{year}/{kind}/units/{unit}/{action}", dependencies=[Depends(require_token)])
async def unit_action(
    request: Request,
    year: YearPath,
    kind: KindPath,
    unit: UnitPath,
    action: ActionPath,
    web: WebDep,
    signed: PageUser,
) -> Response:
    """Record the change and show the page again, or the refusal with what was typed."""
    form = ScoringForm(await request.form(), web)
    return await run_in_threadpool(_perform, request, year, kind, unit, action, form, signed)


def _perform(
    request: Request,
    year: int,
    kind: UnitKind,
    unit: str,
    action: str,
    form: ScoringForm,
    signed: SignedIn,
) -> Response:
    try:
        saved = ACTIONS[action](form.web, signed, year, kind, unit, form)
    except DomainError as error:
        sheet = unit_sheet(form.web, signed, year, kind, unit)
        context = {**sheet, "error": error.message, "failed": action, "posted": form.posted()}
        return render(request, "scoring_unit.html", context, status_of(error))
    anchor = "#responses" if action == "respond" else ""
    return RedirectResponse(
        f"/scoring/{year}/{kind.value}/units/{unit}?saved={saved}{anchor}", status_code=303
    )


@router.get("/scoring/{year}/{kind}/units/{unit}/files/{reference}")
def evidence_file(
    year: YearPath,
    kind: KindPath,
    unit: UnitPath,
    reference: FileReference,
    web: WebDep,
    signed: PageUser,
) -> Response:
    """A file attached to the unit's scorecard, for its staff and Sở Nội vụ."""
    _, card = card_of(web, signed, year, kind, unit)
    attached = [e for own in card.self_assessed.values() for e in own.evidence] + [
        e for answers in card.responses.values() for answer in answers for e in answer.evidence
    ]
    names = {e.file: e.name for e in attached if e.file}
    if reference not in names or not web.files.exists(reference):
        raise NotFound(f"phiếu chấm điểm của {card.unit} không có tệp {reference}")
    suffix = reference.partition(".")[2]
    name = names[reference]
    filename = name if not suffix or name.lower().endswith(f".{suffix}") else f"{name}.{suffix}"
    return FileResponse(web.files.path(reference), filename=filename)
