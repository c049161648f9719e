"""/health, /ready and /metrics: what a provincial IT department's monitoring asks.

/health says the process serves; /ready (both open to the load balancer, and telling nothing
about the province's data) that the database answers and the views are caught up
within `READY_LAG` events, so a load balancer sends requests elsewhere otherwise; /metrics
is Prometheus' text format (requests and latency by route, commands and conflicts, projector
lag, reminders by state, failed sign-ins). With several worker processes, each counts its own
requests unless PROMETHEUS_MULTIPROC_DIR is set (the client library's multiprocess mode).
"""

from __future__ import annotations

import os
import time

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from sqlalchemy import func, select, text
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.dependencies import ApiUser, Web, WebDep, api_user
from api.error_answers import ERRORS
from api.json_api.answers import Alive, Readiness
from api.one_thread_route import OneThreadRoute
from planner.domain.errors import NotPermitted
from planner.projections.schema import reminders

READY_LAG = 1000  # events the views may trail the store by and still take requests

router = APIRouter(route_class=OneThreadRoute, tags=["operations"])


class Metrics:
    """The application's Prometheus metrics, in a registry of its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "planner_requests",
            "Requests answered, by route, method and status",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "planner_request_seconds",
            "Time to answer, by route and method",
            ["route", "method"],
            registry=self.registry,
        )
        self.commands = Counter(
            "planner_commands", "Changes recorded through the API and pages", registry=self.registry
        )
        self.conflicts = Counter(
            "planner_conflicts",
            "Changes refused because the object changed meanwhile (409)",
            registry=self.registry,
        )
        self.failed_logins = Counter(
            "planner_failed_logins", "Sign-ins refused", registry=self.registry
        )
        self.lag = Gauge(
            "planner_projector_lag_events",
            "Events recorded that the views have not applied yet",
            registry=self.registry,
        )
        self.reminders = Gauge(
            "planner_reminders", "Reminders by state", ["state"], registry=self.registry
        )

    def observe(self, scope: Scope, status: int, seconds: float) -> None:
        route = getattr(scope.get("route"), "path", "") or "unmatched"
        method: str = scope["method"]
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route, method).observe(seconds)
        if method in ("POST", "PUT", "DELETE") and status < 400:
            self.commands.inc()
        if status == 409:
            self.conflicts.inc()


class Measure:
    """Count and time every answer, by the route that served it (plain ASGI, as
    `answer_headers.py` says why)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def answer(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, answer)
        finally:
            self.metrics.observe(scope, status, time.perf_counter() - start)


@router.get("/health", summary="Tiến trình đang chạy")
def health() -> Alive:
    """`process`: which worker answered, when several serve behind one port."""
    return Alive(status="ok", process=os.getpid())


@router.get(
    "/ready",
    summary="Sẵn sàng nhận yêu cầu: cơ sở dữ liệu trả lời, số liệu đã cập nhật",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "Số liệu còn chậm hơn giới hạn"}},
)
def ready(web: WebDep) -> Response:
    lag = _lag(web)
    body = Readiness(status="ready" if lag <= READY_LAG else "catching_up", lag_events=lag)
    return JSONResponse(body.model_dump(), 200 if lag <= READY_LAG else 503)


@router.get(
    "/metrics",
    summary="Số đo theo định dạng Prometheus (quản trị viên)",
    response_class=Response,
    responses={
        200: {"content": {"text/plain": {"schema": {"type": "string"}}}},
        401: ERRORS[401],
        403: ERRORS[403],
    },
    dependencies=[Depends(api_user)],
)
def metrics(request: Request, web: WebDep, signed: ApiUser) -> Response:
    if not signed.actor.administers:
        raise NotPermitted(f"{signed.user.username}: chỉ quản trị viên xem được số đo hệ thống")
    found: Metrics = request.app.state.metrics
    found.lag.set(_lag(web))
    with web.planner.views.engine.connect() as connection:
        counts = connection.execute(
            select(reminders.c.state, func.count()).group_by(reminders.c.state)
        ).all()
    for state, count in counts:
        found.reminders.labels(state).set(count)
    return Response(generate_latest(found.registry), media_type=CONTENT_TYPE_LATEST)


def _lag(web: Web) -> int:
    """Events the views trail the store by; a database that does not answer raises (503)."""
    with web.planner.views.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return max(0, web.planner.store.position - web.planner.projector.position())
