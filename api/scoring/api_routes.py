"""/api/scoring: rounds, a unit's self-assessment and its appraisal, results and ranking.

A unit's scorecard is answered only to its own staff and to Sở Nội vụ (403 otherwise);
refusals carry the service's Vietnamese message like the rest of the API.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from api.dependencies import ApiUser, SignedIn, Web, WebDep, api_user, require_monitor
from api.json_api.evidence import evidence_of
from api.one_thread_route import OneThreadRoute
from api.scoring import models
from api.scoring.answers import OneRound, OneScorecard, Results
from api.scoring.documents import round_document, scorecard_document
from api.scoring.round_access import KindPath, UnitPath, YearPath, card_of, current_day
from planner.application.scoring import AppraisalEntry, SelfAssessmentEntry
from planner.domain.criteria_set import UnitKind
from planner.presentation.scoring_results import results_document

router = APIRouter(
    route_class=OneThreadRoute,
    prefix="/api/scoring",
    tags=["scoring"],
    dependencies=[Depends(api_user)],
)

UNIT = "/rounds/{year}/{kind}/units/{unit}"


def card_answer(web: Web, signed: SignedIn, year: int, kind: UnitKind, unit: str) -> OneScorecard:
    round_, card = card_of(web, signed, year, kind, unit)
    return OneScorecard(scorecard=scorecard_document(round_, card, current_day(web)))


@router.post("/rounds", status_code=201, summary="Mở đợt chấm điểm (Sở Nội vụ)")
def create_round(body: models.NewRound, web: WebDep, signed: ApiUser) -> OneRound:
    scoring = web.planner.scoring
    scoring.create_round(body.year, body.unit_kind, signed.actor, units=body.units)
    return OneRound(round=round_document(scoring.round(body.year, body.unit_kind)))


@router.get("/rounds/{year}/{kind}", summary="Đợt chấm điểm: lịch, đơn vị, cây tiêu chí")
def get_round(year: YearPath, kind: KindPath, web: WebDep) -> OneRound:
    return OneRound(round=round_document(web.planner.scoring.round(year, kind)))


@router.get(UNIT, summary="Phiếu chấm điểm của một đơn vị (đơn vị đó hoặc Sở Nội vụ)")
def get_scorecard(
    year: YearPath, kind: KindPath, unit: UnitPath, web: WebDep, signed: ApiUser
) -> OneScorecard:
    return card_answer(web, signed, year, kind, unit)


@router.post(UNIT + "/self-assessment", summary="Lưu nháp điểm tự chấm, tài liệu, giải trình")
def self_assess(
    year: YearPath,
    kind: KindPath,
    unit: UnitPath,
    body: models.SelfAssessmentForm,
    web: WebDep,
    signed: ApiUser,
) -> OneScorecard:
    card_of(web, signed, year, kind, unit)
    entries = [
        SelfAssessmentEntry(e.code, e.points, evidence_of(e.evidence, web.files), e.explanation)
        for e in body.entries
    ]
    web.planner.scoring.self_assess_many(year, kind, unit, entries, signed.actor)
    return card_answer(web, signed, year, kind, unit)


@router.post(UNIT + "/submit", summary="Nộp kết quả tự đánh giá")
def submit(
    year: YearPath, kind: KindPath, unit: UnitPath, web: WebDep, signed: ApiUser
) -> OneScorecard:
    card_of(web, signed, year, kind, unit)
    web.planner.scoring.submit(year, kind, unit, signed.actor)
    return card_answer(web, signed, year, kind, unit)


@router.post(UNIT + "/reopen", summary="Mở lại việc tự đánh giá của đơn vị (Sở Nội vụ)")
def reopen(
    year: YearPath,
    kind: KindPath,
    unit: UnitPath,
    body: models.Reopen,
    web: WebDep,
    signed: ApiUser,
) -> OneScorecard:
    web.planner.scoring.reopen(year, kind, unit, body.until, body.reason, signed.actor)
    return card_answer(web, signed, year, kind, unit)


@router.post(UNIT + "/appraisal", summary="Điểm thẩm định và lý do (Sở Nội vụ)")
def appraise(
    year: YearPath,
    kind: KindPath,
    unit: UnitPath,
    body: models.AppraisalForm,
    web: WebDep,
    signed: ApiUser,
) -> OneScorecard:
    entries = [AppraisalEntry(e.code, e.points, e.reason) for e in body.entries]
    web.planner.scoring.appraise_many(year, kind, unit, entries, signed.actor)
    return card_answer(web, signed, year, kind, unit)


@router.post(UNIT + "/survey", summary="Điểm điều tra xã hội học (Sở Nội vụ)")
def enter_survey(
    year: YearPath,
    kind: KindPath,
    unit: UnitPath,
    body: models.Survey,
    web: WebDep,
    signed: ApiUser,
) -> OneScorecard:
    web.planner.scoring.enter_survey_many(year, kind, unit, body.points, signed.actor)
    return card_answer(web, signed, year, kind, unit)


@router.post(UNIT + "/responses", summary="Phản hồi kết quả thẩm định của một tiêu chí")
def respond(
    year: YearPath,
    kind: KindPath,
    unit: UnitPath,
    body: models.ResponseIn,
    web: WebDep,
    signed: ApiUser,
) -> OneScorecard:
    card_of(web, signed, year, kind, unit)
    evidence = evidence_of(body.evidence, web.files)
    web.planner.scoring.respond(
        year, kind, unit, body.code, body.explanation, signed.actor, evidence=evidence
    )
    return card_answer(web, signed, year, kind, unit)


@router.post(UNIT + "/finalize", summary="Chốt kết quả thẩm định (Sở Nội vụ)")
def finalize(
    year: YearPath, kind: KindPath, unit: UnitPath, web: WebDep, signed: ApiUser
) -> OneScorecard:
    web.planner.scoring.finalize(year, kind, unit, signed.actor)
    return card_answer(web, signed, year, kind, unit)


@router.get(
    "/rounds/{year}/{kind}/results",
    summary="Kết quả, xếp hạng (như planner scoring results --json; Sở Nội vụ)",
)
def results(year: YearPath, kind: KindPath, web: WebDep, signed: ApiUser) -> Results:
    require_monitor(signed)
    return Results.model_validate(results_document(web.planner.scoring.results(year, kind)))
