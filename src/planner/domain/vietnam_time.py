"""Deadlines are calendar dates in Asia/Ho_Chi_Minh; events are stamped in UTC."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def local_date(moment: datetime) -> date:
    """The calendar date in Vietnam at `moment`."""
    return moment.astimezone(VIETNAM).date()
