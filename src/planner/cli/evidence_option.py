"""`--evidence 'Tên|https://...'` or `'Tên|file:đường-dẫn'`, for tasks and scoring alike."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.domain.errors import InvalidValue
from planner.domain.evidence import Evidence

EvidenceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--evidence", help="Tài liệu kiểm chứng 'Tên|https://...' hoặc 'Tên|file:đường-dẫn'."
    ),
]


def read_evidence(values: list[str] | None) -> tuple[Evidence, ...]:
    found = []
    for value in values or []:
        name, separator, target = value.partition("|")
        if not separator:
            raise InvalidValue(f"--evidence '{value}': cần dạng 'Tên|đường dẫn'")
        if target.startswith("file:"):
            found.append(Evidence.of(name, file=target.removeprefix("file:")))
        else:
            found.append(Evidence.of(name, link=target))
    return tuple(found)
