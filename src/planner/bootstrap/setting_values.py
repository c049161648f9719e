"""How the text of a PLANNER_* variable becomes a value, refused in Vietnamese when it cannot.

Each reader takes what pydantic-settings hands it (text from the environment or `.env`, or a
value already typed) and raises ValueError with a message that the settings' reader prefixes
with the variable's name, unless it names it already.
"""

from __future__ import annotations

from datetime import date, time
from email.headerregistry import Address
from email.utils import parseaddr

from planner.application.reminder_settings import Security
from planner.bootstrap.logs import LogFormat
from planner.domain.dates import parse_day
from planner.domain.errors import InvalidValue

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def whole(value: object) -> object:
    """A number of days: 0, 1, 2…"""
    if not isinstance(value, str):
        return value
    if not value.strip().isdigit():
        raise ValueError(f"'{value}' không phải số nguyên không âm")
    return int(value)


def positive(value: object) -> object:
    """A number of hours, bytes, seconds or connections: 1, 2…"""
    if not isinstance(value, str):
        return value
    if not value.strip().isdigit() or int(value) < 1:
        raise ValueError(f"phải là số nguyên dương, không phải '{value}'")
    return int(value)


def agency_code(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


LOG_LEVELS = ("debug", "info", "warning", "error")


def url_base(value: object) -> object:
    """Links are made as BASE/tasks/ID: a trailing slash would double."""
    return value.strip().rstrip("/") if isinstance(value, str) else value


def security(value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        return Security(value.strip().lower())
    except ValueError:
        raise ValueError(f"'{value}' không hợp lệ (none, starttls hoặc tls)") from None


def log_format(value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        return LogFormat(value.strip().lower())
    except ValueError:
        raise ValueError(f"'{value}' không hợp lệ (text hoặc json)") from None


def log_level(value: object) -> object:
    if not isinstance(value, str):
        return value
    level = value.strip().lower()
    if level not in LOG_LEVELS:
        raise ValueError(f"'{value}' không hợp lệ ({', '.join(LOG_LEVELS)})")
    return level


def sender(value: object) -> object:
    """The sender as a header value, keeping a Vietnamese display name intact."""
    if not isinstance(value, str):
        return value
    name, address = parseaddr(value.strip())
    if "@" not in address:
        raise ValueError(
            f"cần địa chỉ người gửi, vd. 'Sở Nội vụ <cchc@snv.gov.vn>' (nhận '{value.strip()}')"
        )
    user, _, domain = address.partition("@")
    return str(Address(display_name=name, username=user, domain=domain))


def day_counts(value: object) -> object:
    """`7,3,1,0`: days before a deadline."""
    if not isinstance(value, str):
        return value
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not parts or not all(part.isdigit() for part in parts):
        raise ValueError(f"'{value}' cần các số ngày cách nhau bởi dấu phẩy, vd. 7,3,1,0")
    return tuple(int(part) for part in parts)


def weekday(value: object) -> object:
    """`mon` … `sun` (or the whole English name)."""
    if not isinstance(value, str):
        return value
    short = value.strip().lower()[:3]
    if short not in WEEKDAYS:
        raise ValueError(f"'{value}' không hợp lệ (mon, tue, ..., sun)")
    return short


def clock_time(value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        return time.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"'{value.strip()}' không phải giờ dạng HH:MM") from None


def days_off(value: object) -> object:
    """`dd/mm/yyyy,dd/mm/yyyy`: the province's own days off."""
    if not isinstance(value, str):
        return value
    found: list[date] = []
    for part in value.split(","):
        if part.strip():
            try:
                found.append(parse_day(part, where="PLANNER_DAYS_OFF"))
            except InvalidValue as error:
                raise ValueError(str(error)) from None
    return tuple(found)
