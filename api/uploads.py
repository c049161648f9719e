"""Uploaded files, read in chunks so a large one is refused before it is all in memory,
and evidence made of an upload, a link, or both."""

from __future__ import annotations

from collections.abc import Iterator

from starlette.datastructures import UploadFile

from planner.domain.evidence import Evidence
from planner.storage.evidence_files import EvidenceFiles

UPLOAD_CHUNK = 64 * 1024


def chunks(upload: UploadFile) -> Iterator[bytes]:
    while chunk := upload.file.read(UPLOAD_CHUNK):
        yield chunk


def evidence_of(
    title: str, link: str, upload: object, files: EvidenceFiles
) -> tuple[Evidence, ...]:
    """The uploaded file (stored) and the link, each under `title` or its own name; empty when
    neither was given, which the caller refuses when a title was typed."""
    found = []
    if isinstance(upload, UploadFile) and upload.filename:
        reference = files.store(chunks(upload), upload.filename)
        found.append(Evidence.of(title or upload.filename, file=reference))
    if link:
        found.append(Evidence.of(title or link, link=link))
    return tuple(found)
