"""Values read as text and parsed once per question.

A nationwide question reads thousands of rows that repeat a few dozen plan ids and point
values; parsing every row's values cost more than running the query.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, String, cast

T = TypeVar("T")
Text = TypeVar("Text", str, str | None)


def as_text(column: Any) -> ColumnElement[str]:
    # Its own label: under the column's name, PostgreSQL would sort by the text, not the id.
    return cast(column, String).label(f"{column.name}_text")


def parsed_once(parse: Callable[[Text], T]) -> Callable[[Text], T]:
    """`parse`, remembering what each text gave; make one per question, so it stays small."""
    return cache(parse)
