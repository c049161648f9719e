"""benchmarks/RESULTS.md, where benchmarks run on their own replace their own sections."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")


def replace_section(heading: str, text: str) -> None:
    """Replace the section under `heading` with `text`, or add it at the end."""
    current = RESULTS.read_text("utf-8") if RESULTS.exists() else ""
    pattern = re.compile(rf"{re.escape(heading)}\n.*?(?=\n## |\Z)", re.S)
    updated = pattern.sub(lambda _: text.rstrip("\n"), current) if heading in current else None
    RESULTS.write_text(updated or f"{current.rstrip()}\n\n{text}", encoding="utf-8")
