"""Jinja2 templates with the Vietnamese conventions: dd/mm/yyyy, decimal commas, status names."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.auth.csrf import form_token
from api.pages.wording import ACTION_NAMES, EVENT_NAMES, ROLE_NAMES, status_name
from planner.presentation.vietnamese import (
    format_date,
    format_datetime,
    format_number,
    format_percent,
)

templates = Jinja2Templates(directory=Path(__file__).parent.parent / "templates")
templates.env.filters.update(
    date=format_date,
    datetime=format_datetime,
    number=format_number,
    percent=format_percent,
    status=status_name,
)
templates.env.globals.update(EVENT_NAMES=EVENT_NAMES, ROLE_NAMES=ROLE_NAMES, ACTIONS=ACTION_NAMES)


def render(
    request: Request,
    name: str,
    context: Mapping[str, Any],
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """A page, with the signed-in user (if any) and the form token every form repeats."""
    full = {"csrf_token": form_token(request), "me": getattr(request.state, "me", None), **context}
    return templates.TemplateResponse(request, name, full, status_code=status, headers=headers)
