"""What the composition root (`planner.bootstrap`) hands the command line: the store, the
settings it needs, and the parts it does not import itself (the web server, the e-mail
adapters, the scheduler), so that it stays apart from them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from planner.application.clock import Clock
    from planner.application.planner import Planner
    from planner.application.reminder_settings import ReminderSettings
    from planner.application.reminders import ReminderService


class Wiring(Protocol):
    @property
    def reminder_settings(self) -> ReminderSettings: ...

    @property
    def files_dir(self) -> Path:
        """Where uploaded evidence files are stored (PLANNER_FILES_DIR)."""
        ...

    @property
    def user(self) -> str:
        """Who runs the command line (PLANNER_USER, else the operating system's user)."""
        ...

    def open_planner(self, clock: Clock | None = None) -> Planner: ...

    def reminders(self, planner: Planner) -> ReminderService: ...

    def run_scheduler(self, planner: Planner) -> None: ...

    def serve(
        self, host: str, port: int, demo: bool, scheduler: bool | None, workers: int = 1
    ) -> None: ...


_current: ContextVar[Wiring] = ContextVar("wiring")


@contextmanager
def wired(parts: Wiring) -> Iterator[None]:
    """`parts` serve the commands of one run of `planner`."""
    token = _current.set(parts)
    try:
        yield
    finally:
        _current.reset(token)


def wiring() -> Wiring:
    """The parts the root gave this run of the command line."""
    try:
        return _current.get()
    except LookupError:
        raise RuntimeError("the command line runs without its parts (planner.bootstrap)") from None


WiringFactory = Callable[[], Wiring]
