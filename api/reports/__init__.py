"""Báo cáo: the quarterly and annual reports of a plan, downloadable from the pages."""

from __future__ import annotations

from api.extensions import Extension
from api.reports import routes


def report_extension() -> Extension:
    """Download routes only; the plan page and the dashboard link to them."""
    return Extension(router=routes.router)
