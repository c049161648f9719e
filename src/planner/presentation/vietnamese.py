"""Vietnamese conventions: dd/mm/yyyy dates and decimal commas (1,5 điểm)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from planner.domain.vietnam_time import VIETNAM


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_datetime(value: datetime | None) -> str:
    """A moment in Vietnam's time, e.g. 08/06/2023 09:00."""
    return value.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M") if value else ""


def format_number(value: Decimal | int | None, places: int | None = None) -> str:
    """1.5 → "1,5"; 1234.5 → "1.234,5"; None → "" (places fixes the decimals)."""
    if value is None:
        return ""
    number = Decimal(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    elif number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    else:
        number = number.normalize()
    text = f"{number:,f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: Decimal | int | None) -> str:
    return f"{format_number(value, 1)}%" if value is not None else ""


def shorten(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its first words and "…", never half a word."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # the word that does not fit is left out whole
    return cut.rstrip(" ,;:.-–") + "…"
