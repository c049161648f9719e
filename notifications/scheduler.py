"""The reminder scheduler: APScheduler with its jobs kept in the planner database.

Every planner process may start one; the one holding the leader's lock runs the jobs, the
others stand by and take over when it stops. On becoming leader it catches up at once (what
was missed while nothing ran goes out now, once), then sends each day at the set time and
retries failed reminders every minute.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import datetime
from types import FrameType

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from notifications.leadership import Leadership, leadership_for
from planner.application.reminders import ReminderService, RunReport
from planner.domain.errors import InvalidValue
from planner.domain.vietnam_time import VIETNAM

log = logging.getLogger("notifications.scheduler")

JOBS_TABLE = "reminder_jobs"
DAILY_JOB = "daily-reminders"
RETRY_JOB = "retry-reminders"

_running: ReminderScheduler | None = None  # jobs loaded from the store find their scheduler here


class ReminderScheduler:
    def __init__(
        self,
        service: ReminderService,
        *,
        standby_poll_seconds: float = 5.0,
        on_run: Callable[[RunReport], None] | None = None,
    ) -> None:
        if service.settings.mail is None:
            raise InvalidValue("chưa cấu hình máy chủ thư: hãy đặt PLANNER_SMTP_HOST")
        self.planner = service.planner
        self.settings = service.settings
        self.service = service
        self.leadership: Leadership = leadership_for(self.planner.database)
        self.poll = standby_poll_seconds
        self.on_run = on_run
        self.scheduler: BackgroundScheduler | None = None
        self.runs = 0
        self._stopped = threading.Event()
        self._watch = threading.Thread(target=self._lead, name="reminder-leader", daemon=True)

    @property
    def leading(self) -> bool:
        return self.scheduler is not None

    def start(self) -> None:
        """Stand by for the leader's lock, in the background; runs the jobs once it holds it."""
        global _running
        if _running is not None:
            raise RuntimeError("a reminder scheduler is already running in this process")
        _running = self
        self._watch.start()

    def stop(self) -> None:
        """Stop sending and hand the lock to a standing-by process."""
        global _running
        self._stopped.set()
        self._watch.join()
        if _running is self:
            _running = None

    def send_due(self) -> None:
        """Send what is due today; what was sent before, by any process, is not sent again."""
        day = self.service.today()
        report = self.service.run(day)
        self.runs += 1
        log.info(
            "run of %s: sent=%d failed=%d skipped=%d",
            day.isoformat(),
            len(report.sent),
            len(report.failed),
            report.skipped,
        )
        if self.on_run is not None:
            self.on_run(report)

    def retry_failed(self) -> None:
        if self.service.retry_pending():
            self.send_due()

    def _lead(self) -> None:
        try:
            while not self._stopped.is_set():
                if self.scheduler is None and self.leadership.try_acquire():
                    self._take_over()
                elif self.scheduler is not None and not self.leadership.holds():
                    log.warning("lost the leader's lock; standing by")
                    self._step_down()
                self._stopped.wait(self.poll)
        finally:
            self._step_down()

    def _take_over(self) -> None:
        log.info("leading: reminder jobs run in this process")
        scheduler = BackgroundScheduler(
            jobstores={"default": self._job_store()},
            executors={"default": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone=VIETNAM,
        )
        with self.planner.database.schema_lock():
            scheduler.start()
        send_at = self.settings.send_at
        scheduler.add_job(
            send_due_reminders,
            CronTrigger(hour=send_at.hour, minute=send_at.minute, timezone=VIETNAM),
            id=DAILY_JOB,
            name="Gửi nhắc hạn trong ngày",
            replace_existing=True,
            next_run_time=datetime.now(VIETNAM),  # catch up at once after any downtime
        )
        scheduler.add_job(
            retry_failed_reminders,
            IntervalTrigger(seconds=self.settings.retry_every_seconds, timezone=VIETNAM),
            id=RETRY_JOB,
            name="Gửi lại nhắc hạn chưa gửi được",
            replace_existing=True,
        )
        self.scheduler = scheduler

    def _step_down(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=True)
            self.scheduler = None
        self.leadership.release()

    def _job_store(self) -> SQLAlchemyJobStore:
        engine = self.planner.database.engine(writer=True)
        return SQLAlchemyJobStore(engine=engine, tablename=JOBS_TABLE)


def send_due_reminders() -> None:
    """The daily job, as stored in the job table."""
    if _running is not None:
        _running.send_due()


def retry_failed_reminders() -> None:
    """The retry job, as stored in the job table."""
    if _running is not None:
        _running.retry_failed()


def run_until_stopped(scheduler: ReminderScheduler) -> None:
    """`planner scheduler`: run until SIGINT or SIGTERM, then hand over and return."""
    stop = threading.Event()

    def request_stop(_signal: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    scheduler.start()
    try:
        stop.wait()
    finally:
        scheduler.stop()
