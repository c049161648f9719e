"""Nhập kế hoạch: the document import page and /api/imports, plugged in as an extension."""

from __future__ import annotations

from fastapi import APIRouter

from api.extensions import Extension
from api.imports import api_routes, page_routes, status_routes


def import_extension() -> Extension:
    """Pages and API for Sở Nội vụ to import a published plan; a menu entry to reach them."""
    router = APIRouter()
    router.include_router(api_routes.router)
    router.include_router(page_routes.router)
    router.include_router(status_routes.router)
    return Extension(router=router, menu_label="Nhập kế hoạch", menu_path="/imports")
