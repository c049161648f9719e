"""Comparing words as people write them: case, Unicode forms and old tone placement aside.

"Uỷ ban" and "Ủy ban", "hoá" and "hóa" are the same words written two ways; documents of
different years use either. Diacritics themselves still count (Sở Y tế ≠ Sở Y tê).
"""

from __future__ import annotations

import re

from planner.domain.text import clean

# Old-style placement puts the tone on the second vowel of oa, oe, uy; new style on the first.
_TONES = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONES = re.compile("|".join(_TONES))


def words_key(text: str) -> str:
    """NFC, single spaces, case-folded, tones placed the modern way."""
    folded = clean(text).casefold()
    return _OLD_TONES.sub(lambda m: _modern(folded, m), folded)


def _modern(text: str, match: re.Match[str]) -> str:
    """Only a syllable-final pair moves its tone ("hoá" → "hóa", but "hoàn" stays)."""
    follows = text[match.end() : match.end() + 1]
    return match.group(0) if follows.isalpha() else _TONES[match.group(0)]
