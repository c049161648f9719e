"""Points (điểm) as exact decimals, read the way the documents write them."""

import re
from decimal import Decimal, InvalidOperation

from planner.domain.errors import InvalidValue

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def parse_points(text: str | int | Decimal, *, where: str = "điểm") -> Decimal:
    """Read "1,5", "1.5", "0,5000" or 2 as a non-negative Decimal; refuse anything else."""
    if isinstance(text, int | Decimal):
        value = Decimal(text)
    else:
        raw = text.strip().replace(" ", "")
        if not _NUMBER.match(raw):
            raise InvalidValue(f"{where}: '{text}' không phải là số điểm (ví dụ: 1,5 hoặc 0,25)")
        try:
            value = Decimal(raw.replace(",", "."))
        except InvalidOperation as error:
            raise InvalidValue(f"{where}: '{text}' không phải là số điểm") from error
    if value < 0 or not value.is_finite():
        raise InvalidValue(f"{where}: điểm không được âm ({text})")
    return plain(value)


def plain(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent form (0,5000 → 0,5; 100 → 100)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
