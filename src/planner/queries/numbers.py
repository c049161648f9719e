"""Points read back from NUMERIC columns, without the column's padding zeros."""

from __future__ import annotations

from decimal import Decimal

from planner.domain.points import plain


def exact(value: object) -> Decimal | None:
    """24.00000 → 24, 0.50000 → 0.5; None stays None."""
    return None if value is None else plain(Decimal(str(value)))
