"""Deadlines are calendar dates in Asia/Ho_Chi_Minh; events are stamped in UTC."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def local_date(moment: datetime) -> date:
    """The calendar date in Vietnam at `moment`."""
    return moment.astimezone(VIETNAM).date()


def end_of_day(day: date) -> datetime:
    """The first moment after `day` in Vietnam."""
    return datetime.combine(day + timedelta(days=1), time(0), VIETNAM)
