"""Calendar dates as people write them: dd/mm/yyyy, refusing days that do not exist."""

import re
from datetime import date

from planner.domain.errors import InvalidValue
from planner.domain.schedule import last_day

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def make_date(year: int, month: int, day: int, *, where: str = "ngày") -> date:
    """A date, or an error that says why it does not exist (31/02/2023)."""
    if not 1 <= year <= 9999:
        raise InvalidValue(f"{where}: năm {year} không hợp lệ")
    if not 1 <= month <= 12:
        raise InvalidValue(f"{where}: tháng {month} không tồn tại ({day:02d}/{month:02d}/{year})")
    days = last_day(year, month)
    if not 1 <= day <= days:
        raise InvalidValue(
            f"{where}: ngày {day:02d}/{month:02d}/{year} không tồn tại "
            f"(tháng {month} năm {year} có {days} ngày)"
        )
    return date(year, month, day)


def parse_date(text: str, *, where: str = "ngày") -> date:
    """Read dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd."""
    if match := _DMY.match(text):
        day, month, year = (int(group) for group in match.groups())
        return make_date(year, month, day, where=where)
    if match := _ISO.match(text):
        year, month, day = (int(group) for group in match.groups())
        return make_date(year, month, day, where=where)
    raise InvalidValue(f"{where}: '{text}' không phải là ngày theo dạng dd/mm/yyyy")


# Days people ask about (a report's day, a deadline, a reminder run): plans and scores of this
# century. A day far outside means a typing slip, and would have planner count holidays and
# working days for thousands of years.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)


def check_day(day: date, *, where: str = "ngày") -> date:
    """`day`, if it lies in 2000–2100; otherwise an error naming where it was given."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidValue(
            f"{where}: ngày {day.day:02d}/{day.month:02d}/{day.year:04d} nằm ngoài khoảng "
            "planner nhận "
            f"({FIRST_DAY:%d/%m/%Y} – {LAST_DAY:%d/%m/%Y})"
        )
    return day


def parse_day(text: str, *, where: str = "ngày") -> date:
    """A day a person asks for (dd/mm/yyyy or ISO), within 2000–2100."""
    return check_day(parse_date(text, where=where), where=where)
