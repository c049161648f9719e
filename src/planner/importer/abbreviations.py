"""How plans shorten department names: "Sở TT&TT", "Sở KH&ĐT", "Sở LĐ-TB&XH", "Sở NNPTNT".

Each word of the name after "Sở" gives its first letter; the parts of the name ("Thông tin"
and "Truyền thông") are joined with "&", with "," or run together, as documents write them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_PARTS = re.compile(r"\s+và\s+|\s*,\s*")
_WORDS = re.compile(r"\w+")


def abbreviations(name: str) -> tuple[str, ...]:
    """The short forms of a department's name; none for other bodies."""
    head, _, rest = name.partition(" ")
    if head != "Sở" or not rest:
        return ()
    parts = [p for p in _PARTS.split(rest) if p]
    plain = [_initials(p) for p in parts]
    hyphened = [_initials(p, "-") for p in parts]
    forms = {"".join(plain), "&".join(plain)}
    if len(parts) > 2:
        forms |= {"".join(plain[:-1]) + "&" + plain[-1], ",".join(plain[:-1]) + "&" + plain[-1]}
    forms |= {"&".join(hyphened), "".join(hyphened)}
    return tuple(sorted(f"Sở {form}" for form in forms if len(form) > 1))


def unambiguous(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Short forms → agency code, leaving out a form two departments share (Nội vụ and
    Ngoại vụ are both "NV"): the import asks about those instead of guessing."""
    found = [(form.casefold(), form, code) for name, code in names for form in abbreviations(name)]
    owners = Counter(key for key, _, code in dict.fromkeys(found))
    taken: dict[str, str] = {}
    for key, form, code in found:
        if owners[key] == 1:
            taken[form] = code
    return taken


def _initials(part: str, hyphen: str = "") -> str:
    chunks = [c for c in re.split(r"\s*-\s*", part) if c]
    return hyphen.join("".join(w[0].upper() for w in _WORDS.findall(c)) for c in chunks)
