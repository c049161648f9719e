"""Cell and paragraph text as the exports carry it: HTML fragments, Markdown marks, NFC."""

from __future__ import annotations

import html
import re

from planner.domain.text import clean

_BREAKS = re.compile(r"</?p\b[^>]*>|<li\b[^>]*>|</li>|<br\s*/?>|\n", re.IGNORECASE)
_INLINE = re.compile(r"</?(?:i|b|u|em|strong|span|sup|sub|a|font)\b[^>]{0,200}>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]{0,200}>")
_EMPHASIS = re.compile(r"\*{1,2}")


def paragraphs(cell: str) -> tuple[str, ...]:
    """The cell's paragraphs: <p>, <li>, <br> and line breaks separate them; other tags go."""
    parts = (_TAGS.sub(" ", _INLINE.sub("", part)) for part in _BREAKS.split(cell))
    return tuple(text for text in (clean(html.unescape(part)) for part in parts) if text)


def cell_text(cell: str) -> str:
    """The whole cell as one line of text."""
    return " ".join(paragraphs(cell))


def prose_text(text: str) -> str:
    """A paragraph without Markdown emphasis ("**TM. ỦY BAN NHÂN DÂN**", "*chi tiết*")."""
    return clean(_EMPHASIS.sub("", cell_text(text)))
