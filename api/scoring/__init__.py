"""Chấm điểm CCHC: the units' self-assessment, the appraisal team's pages, results, /api/scoring."""

from __future__ import annotations

from fastapi import APIRouter

from api.extensions import Extension
from api.scoring import api_routes, appraisal_pages, results_pages, unit_pages


def scoring_extension() -> Extension:
    """Pages and API of PAR scoring; the menu entry is for every signed-in user."""
    router = APIRouter()
    for module in (api_routes, unit_pages, appraisal_pages, results_pages):
        router.include_router(module.router)
    return Extension(
        router=router, menu_label="Chấm điểm CCHC", menu_path="/scoring", menu_for_everyone=True
    )
