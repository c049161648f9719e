"""Text from people and programs: NFC, and no control characters the database would refuse."""

from __future__ import annotations

import unicodedata

_ALLOWED_CONTROLS = {"\n", "\r", "\t"}


def plain(value: str) -> str:
    """The text in NFC; ValueError naming the first control character or lone surrogate."""
    for char in value:
        if unicodedata.category(char) in ("Cc", "Cs") and char not in _ALLOWED_CONTROLS:
            raise ValueError(f"có ký tự không hợp lệ (U+{ord(char):04X})")
    return unicodedata.normalize("NFC", value)
