"""Values read as text and parsed once per question.

A nationwide question reads thousands of rows that repeat a few dozen plan ids and point
values; parsing every row's values cost more than running the query.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, String, cast

T = TypeVar("T")


def as_text(column: Any) -> ColumnElement[str]:
    return cast(column, String)


class ParsedOnce(Generic[T]):
    def __init__(self, parse: Callable[[str], T]) -> None:
        self._parse = parse
        self._parsed: dict[str, T] = {}

    def __call__(self, text: str) -> T:
        found = self._parsed.get(text)
        if found is None:
            found = self._parsed[text] = self._parse(text)
        return found
