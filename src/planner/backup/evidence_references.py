"""The stored evidence files an event's state names (`Evidence.file`), wherever it holds them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from planner.storage.evidence_files import is_reference

# How the transcoder writes an Evidence value (storage/transcodings.py, EvidenceAsDict).
EVIDENCE = "evidence"


def file_references(state: Any) -> Iterator[str]:
    """Each stored-file reference in the state, in the order written; links are not files."""
    if isinstance(state, dict):
        if state.get("_type_") == EVIDENCE and isinstance(state.get("_data_"), dict):
            file = state["_data_"].get("file")
            if isinstance(file, str) and is_reference(file):
                yield file
            return
        for value in state.values():
            yield from file_references(value)
    elif isinstance(state, list):
        for value in state:
            yield from file_references(value)
