"""Seams for work that plugs into the web application without changing it.

The reminder scheduler runs in-process as a `BackgroundService`; the document import and
report pages arrive as `Extension`s with their own router and a menu entry for Sở Nội vụ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from fastapi import APIRouter


class BackgroundService(Protocol):
    def start(self) -> None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class Extension:
    router: APIRouter
    menu_label: str = ""
    menu_path: str = ""
    menu_for_everyone: bool = False  # agency staff see the entry too (scoring), not only Sở Nội vụ
