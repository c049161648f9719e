"""The planner application: open it on a database, then use its services and views."""

from __future__ import annotations

from planner.application.agencies import AgencyService
from planner.application.api_tokens import ApiTokenService
from planner.application.clock import Clock, SystemClock, today
from planner.application.imports import ImportService
from planner.application.local_calendar import LocalCalendarService
from planner.application.plans import PlanService
from planner.application.scoring import ScoringService
from planner.application.status_import import StatusImportService
from planner.application.targets import TargetService
from planner.application.tasks import TaskService
from planner.application.users import UserService
from planner.application.workspace import Workspace
from planner.domain.actor import Actor, Role
from planner.projections.all_views import all_views
from planner.projections.projector import Projector
from planner.queries.views import Views
from planner.settings import Settings
from planner.storage.database import Database
from planner.storage.event_store import EventStore


class Planner:
    def __init__(self, settings: Settings, clock: Clock | None = None) -> None:
        self.settings = settings
        self.database = Database.from_url(
            settings.database_url, settings.pool_size, settings.database_timeout_seconds
        )
        self.store = EventStore(self.database)
        self.projector = Projector(self.store, self.database, all_views())
        self.projector.create_tables()
        self.projector.catch_up()  # after a restart, events recorded meanwhile reach the views
        clock = clock or SystemClock()
        self.views = Views(self.projector.reader, lambda: today(clock))
        self.workspace = Workspace(self.store, self.projector, self.views, clock)
        self.agencies = AgencyService(self.workspace)
        self.plans = PlanService(self.workspace)
        self.tasks = TaskService(self.workspace, settings.backdate_days)
        self.targets = TargetService(self.workspace)
        self.users = UserService(self.workspace, settings.monitor_agency)
        self.api_tokens = ApiTokenService(self.workspace, settings.monitor_agency)
        self.imports = ImportService(self.workspace)
        self.status_reports = StatusImportService(self.workspace, self.tasks)
        self.scoring = ScoringService(self.workspace)
        self.calendar = LocalCalendarService(self.workspace)

    @property
    def system(self) -> Actor:
        """The actor for changes planner makes itself (setup, import, demo)."""
        return Actor("planner", self.settings.monitor_agency, Role.SYSTEM)

    def actor(self, user: str, agency: str, role: Role) -> Actor:
        return self.workspace.actor(user, agency, role)

    def close(self) -> None:
        self.projector.close()
        self.store.close()

    def __enter__(self) -> Planner:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
