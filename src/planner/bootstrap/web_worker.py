"""One worker process of `planner serve --workers N`: the application, built from the settings.

uvicorn's process manager imports `application` in each worker it starts; the reminder
scheduler runs in every worker, and the leader's lock in the database lets only one send.
"""

from __future__ import annotations

from fastapi import FastAPI

from api.collector import tune_for_serving
from planner.bootstrap.container import Container
from planner.bootstrap.logs import configure_logging
from planner.bootstrap.reminder_scheduler import reminder_services


def application() -> FastAPI:
    container = Container()
    settings = container.settings
    configure_logging(settings.log_format, settings.log_level, settings.access_log)
    planner = container.open_planner()
    services = reminder_services(container, planner, container.settings.scheduler)
    app = container.web_app(planner, services)
    tune_for_serving()
    return app
