"""The planner application: its services and views over one store (which the composition root,
`planner.bootstrap.store.open_planner`, opens and hands it)."""

from __future__ import annotations

from planner.application.agencies import AgencyService
from planner.application.api_tokens import ApiTokenService
from planner.application.clock import Clock, today
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
from planner.projections.projector import Projector
from planner.queries.views import Views
from planner.settings import Settings
from planner.storage.database import Database
from planner.storage.event_store import EventStore


class Planner:
    def __init__(
        self,
        settings: Settings,
        database: Database,
        store: EventStore,
        projector: Projector,
        clock: Clock,
    ) -> None:
        """Planner owns the store and projector it is given: `close` closes them."""
        self.settings = settings
        self.database = database
        self.store = store
        self.projector = projector
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
