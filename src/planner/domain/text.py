"""Vietnamese text as the documents write it: NFC, single spaces, compared without case."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Normalise to NFC and collapse runs of whitespace, so equal words compare equal."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def name_key(name: str) -> str:
    """A key for comparing names: case-insensitive, diacritics kept (Sở Y tế ≠ Sở Y tê)."""
    return clean(name).casefold()
