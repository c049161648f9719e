"""Printing for people (Vietnamese tables) and for programs (stable JSON)."""

from __future__ import annotations

import json
import sys
from typing import Any
from uuid import UUID

from rich.console import Console
from rich.table import Table

from planner.presentation.json_document import to_json

# Piped output is read by people in wide terminals or files, not an 80-column default.
console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True, soft_wrap=True)


def print_json(document: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(to_json(document), ensure_ascii=False, indent=2) + "\n")


def table(title: str, *columns: str) -> Table:
    """A table; headings starting with '#' are short codes and numbers that never wrap."""
    found = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        if column.startswith("#"):
            found.add_column(column[1:], no_wrap=True)
        else:
            found.add_column(column, overflow="fold")
    return found


def short_id(value: UUID) -> str:
    """The first 8 characters of an id: enough to name it on the command line."""
    return value.hex[:8]
