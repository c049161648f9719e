"""Cursor pagination for every list the API answers: a page of `limit` items in a stable
order, and `next`, the cursor that asks for the items after the last one given.

The cursor holds the sort key of the last item given, not a position, so items added or
removed before it between two requests neither repeat nor go missing.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query

from api.field_error import FieldInvalid

T = TypeVar("T")
Key = tuple[Any, ...]

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
NEXT_DESCRIPTION = "Con trỏ trang sau: gửi lại trong `after`; null khi đã hết danh sách"


@dataclass(frozen=True)
class PageRequest:
    limit: int
    after: Key | None


def page_request(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="Số mục tối đa trong một trang")
    ] = DEFAULT_LIMIT,
    after: Annotated[
        str | None,
        Query(max_length=2000, description="Con trỏ `next` của trang trước; bỏ trống: trang đầu"),
    ] = None,
) -> PageRequest:
    return PageRequest(limit, read_cursor(after) if after else None)


Page = Annotated[PageRequest, Depends(page_request)]


def cursor(key: Key) -> str:
    """An opaque, URL-safe text of a sort key."""
    text = json.dumps(key, ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def read_cursor(text: str) -> Key:
    try:
        value = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, ValueError):
        raise bad_cursor() from None
    if not isinstance(value, list):
        raise bad_cursor()
    key: Key = _as_tuple(value)
    return key


def paged(
    items: Sequence[T], key: Callable[[T], Key], request: PageRequest
) -> tuple[list[T], str | None]:
    """The items after the cursor in `key` order, at most `limit` of them, and the next cursor."""
    ordered = sorted(items, key=key)
    after = request.after
    if after is not None and ordered:
        if not _alike(after, key(ordered[0])):
            raise bad_cursor()
        ordered = [item for item in ordered if key(item) > after]
    return window(ordered, key, request.limit)


def window(ordered: Sequence[T], key: Callable[[T], Key], limit: int) -> tuple[list[T], str | None]:
    """The first `limit` items already past the cursor; the last one's cursor if more follow."""
    found = list(ordered[:limit])
    more = len(ordered) > limit
    return found, cursor(key(found[-1])) if more and found else None


def _alike(cursor_key: Key, item_key: Key) -> bool:
    """A cursor of this list: as many parts as its keys, each of the same type."""
    return len(cursor_key) == len(item_key) and all(
        type(a) is type(b) for a, b in zip(cursor_key, item_key, strict=True)
    )


def _as_tuple(value: Any) -> Any:
    return tuple(_as_tuple(v) for v in value) if isinstance(value, list) else value


def bad_cursor() -> FieldInvalid:
    return FieldInvalid(
        "con trỏ trang `after` không hợp lệ: hãy gửi lại đúng giá trị `next` của trang trước",
        ["query", "after"],
    )
