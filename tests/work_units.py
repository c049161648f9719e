"""How `make test` shares the tests among pytest-xdist's workers
(`-n auto --dist loadscope --no-loadscope-reorder`).

A unit of work goes to one worker. Units are a test module, as in loadscope, except in tests/web:
there a module's tests on one database are a unit, so each worker starts the module's server for
that database once, and a module's SQLite and PostgreSQL halves can run at the same time.
The web tests are collected first and the units handed out in that order: theirs are the
longest, and started first they do not leave one worker busy at the end while the other waits.
"""

from __future__ import annotations

import re

import pytest
from xdist.scheduler import LoadScopeScheduling

WEB = "tests/web/"
DATABASE = re.compile(r"\[(sqlite|postgresql)\b")


class ServerUnits(LoadScopeScheduling):
    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        database = DATABASE.search(nodeid)
        if module.startswith(WEB) and database:
            return f"{module}::{database.group(1)}"
        return module


def web_first(items: list[pytest.Item]) -> None:
    """Move the web tests to the front, keeping pytest's order within each part."""
    items.sort(key=lambda item: not item.nodeid.startswith(WEB))
