"""Thẩm định: Sở Nội vụ's view of a round's units and, per unit, self-assessed against appraised.

The team enters appraised points with reasons and the survey points, reads the unit's answers,
reopens a unit's self-assessment, and finalizes once the response window has closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from api.auth.csrf import require_token
from api.dependencies import PageUser, SignedIn, Web, WebDep
from api.errors import status_of
from api.pages.templating import render
from api.scoring.forms import ScoringForm, appraisals, survey_points
from api.scoring.round_access import KindPath, UnitPath, YearPath, card_of, current_day
from api.scoring.rows import card_state, rows
from planner.application.scoring import AppraisalEntry
from planner.domain.criteria_set import UnitKind
from planner.domain.dates import parse_day
from planner.domain.errors import DomainError, NotPermitted

router = APIRouter(include_in_schema=False)

SAVED = {
    "appraise": "đã ghi điểm thẩm định",
    "finalize": "đã chốt kết quả thẩm định",
    "reopen": "đã mở lại việc tự đánh giá",
    "nothing": "không có thay đổi nào để lưu",
}


def require_team(signed: SignedIn) -> None:
    """The appraisal team is Sở Nội vụ (the monitor role)."""
    if not signed.actor.oversees:
        raise NotPermitted(
            f"{signed.user.username} ({signed.actor.agency}) không thuộc tổ thẩm định; "
            "chỉ Sở Nội vụ được thẩm định"
        )


@router.get("/scoring/{year}/{kind}")
def round_page(
    request: Request, year: YearPath, kind: KindPath, web: WebDep, signed: PageUser
) -> Response:
    """Every unit of the round with how far its self-assessment and appraisal have come."""
    require_team(signed)
    scoring = web.planner.scoring
    round_ = scoring.round(year, kind)
    day = current_day(web)
    units = []
    for unit in round_.units:
        card = scoring.scorecard(year, kind, unit, signed.actor)
        units.append((card, card_state(round_, card, day)))
    names = {a.code: a.name for a in web.planner.views.agencies()}
    return render(request, "scoring_round.html", {"round": round_, "units": units, "names": names})


@router.get("/scoring/{year}/{kind}/appraisal/{unit}")
def appraisal_page(
    request: Request, year: YearPath, kind: KindPath, unit: UnitPath, web: WebDep, signed: PageUser
) -> Response:
    require_team(signed)
    saved = SAVED.get(request.query_params.get("saved", ""), "")
    sheet = appraisal_sheet(web, signed, year, kind, unit)
    return render(request, "scoring_appraisal.html", {**sheet, "saved": saved})


def appraisal_sheet(
    web: Web, signed: SignedIn, year: int, kind: UnitKind, unit: str
) -> dict[str, Any]:
    round_, card = card_of(web, signed, year, kind, unit)
    return {
        "round": round_,
        "card": card,
        "rows": rows(round_, card),
        "state": card_state(round_, card, current_day(web)),
        "unit_name": web.planner.views.directory().agencies[card.unit].name,
        "base": f"/scoring/{year}/{kind.value}/appraisal/{card.unit}",
        "unit_page": f"/scoring/{year}/{kind.value}/units/{card.unit}",
        "files": f"/scoring/{year}/{kind.value}/units/{card.unit}/files",
        "posted": {},
    }


Action = Callable[[Web, SignedIn, int, UnitKind, str, ScoringForm], str]


def _appraise(
    web: Web, signed: SignedIn, year: int, kind: UnitKind, unit: str, form: ScoringForm
) -> str:
    """Survey points and every changed appraisal row, saved together or not at all."""
    round_, card = card_of(web, signed, year, kind, unit)
    found = rows(round_, card)
    survey, changed = survey_points(form, found), appraisals(form, found)
    if not (survey or changed):
        return "nothing"
    entries = [AppraisalEntry(code, points, reason) for code, points, reason in changed]
    web.planner.scoring.appraise_many(year, kind, unit, entries, signed.actor, survey)
    return "appraise"


def _finalize(
    web: Web, signed: SignedIn, year: int, kind: UnitKind, unit: str, _form: ScoringForm
) -> str:
    web.planner.scoring.finalize(year, kind, unit, signed.actor)
    return "finalize"


def _reopen(
    web: Web, signed: SignedIn, year: int, kind: UnitKind, unit: str, form: ScoringForm
) -> str:
    until = parse_day(form.text("until"), where="Mở đến ngày")
    web.planner.scoring.reopen(year, kind, unit, until, form.text("reason"), signed.actor)
    return "reopen"


ACTIONS: dict[str, Action] = {"appraise": _appraise, "finalize": _finalize, "reopen": _reopen}
ActionPath = Annotated[str, Path(pattern="^(" + "|".join(ACTIONS) + ")$")]


@router.post(
    "/scoring/{year}/{kind}/appraisal/{unit}/{action}", dependencies=[Depends(require_token)]
)
async def appraisal_action(
    request: Request,
    year: YearPath,
    kind: KindPath,
    unit: UnitPath,
    action: ActionPath,
    web: WebDep,
    signed: PageUser,
) -> Response:
    require_team(signed)
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
        sheet = appraisal_sheet(form.web, signed, year, kind, unit)
        context = {**sheet, "error": error.message, "failed": action, "posted": form.posted()}
        return render(request, "scoring_appraisal.html", context, status_of(error))
    return RedirectResponse(
        f"/scoring/{year}/{kind.value}/appraisal/{unit}?saved={saved}", status_code=303
    )
