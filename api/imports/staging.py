"""Uploaded documents waiting between the preview and Sở Nội vụ's confirmation.

Each upload is kept under the files directory in a folder named by a random token, with the
user who sent it; only that user can confirm it, and the client never names a path — only the
token, which must look like one. Uploads older than a day are removed when a new one arrives.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from planner.application.errors import NotFound
from planner.domain.errors import InvalidValue
from planner.domain.import_corrections import (
    NO_CORRECTIONS,
    Corrections,
    corrections_from_json,
    corrections_json,
)
from planner.storage.evidence_files import FileTooLarge

TOKEN_PATTERN = r"^[A-Za-z0-9_\-]{32}$"
_TOKEN = re.compile(TOKEN_PATTERN)
_KEPT_SECONDS = 24 * 3600
_NAME_LENGTH = 120


@dataclass(frozen=True)
class StagedDocument:
    token: str
    name: str
    data: bytes
    corrections: Corrections = NO_CORRECTIONS  # what Sở Nội vụ has corrected so far


class StagedImports:
    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes

    def stage(
        self,
        chunks: Iterable[bytes],
        filename: str,
        owner: str,
        corrections: Corrections = NO_CORRECTIONS,
    ) -> StagedDocument:
        """Keep the upload (refusing more than `max_bytes`) under a new token bound to `owner`."""
        name = safe_name(filename)
        data = bytearray()
        for chunk in chunks:
            data += chunk
            if len(data) > self.max_bytes:
                raise FileTooLarge.beyond(name, self.max_bytes)
        self._prune()
        token = secrets.token_urlsafe(24)
        folder = self.root / token
        folder.mkdir(parents=True)
        (folder / "document").write_bytes(bytes(data))
        staged = StagedDocument(token, name, bytes(data), corrections)
        self._keep(staged, owner)
        return staged

    def correct(
        self, staged: StagedDocument, owner: str, corrections: Corrections
    ) -> StagedDocument:
        """The same upload, to be read (and stored) with these corrections."""
        corrected = StagedDocument(staged.token, staged.name, staged.data, corrections)
        self._keep(corrected, owner)
        return corrected

    def _keep(self, staged: StagedDocument, owner: str) -> None:
        kept = {
            "owner": owner,
            "name": staged.name,
            "corrections": corrections_json(staged.corrections),
        }
        (self._folder(staged.token) / "owner.json").write_text(json.dumps(kept))

    def open(self, token: str, owner: str) -> StagedDocument:
        """The upload `owner` sent under `token`; anyone else's, or none, is not found."""
        folder = self._folder(token)
        meta = folder / "owner.json"
        if not meta.is_file():
            raise self._missing(token)
        kept = json.loads(meta.read_text())
        if kept.get("owner") != owner:
            raise self._missing(token)
        data = (folder / "document").read_bytes()
        corrections = corrections_from_json(kept.get("corrections") or {})
        return StagedDocument(token, str(kept["name"]), data, corrections)

    def discard(self, token: str) -> None:
        shutil.rmtree(self._folder(token), ignore_errors=True)

    def _folder(self, token: str) -> Path:
        if not _TOKEN.match(token):
            raise InvalidValue(f"'{token[:40]}' không phải mã tệp đang chờ nhập")
        return self.root / token

    def _prune(self) -> None:
        if not self.root.is_dir():
            return
        oldest = time.time() - _KEPT_SECONDS
        for folder in self.root.iterdir():
            if folder.is_dir() and folder.stat().st_mtime < oldest:
                shutil.rmtree(folder, ignore_errors=True)

    @staticmethod
    def _missing(token: str) -> NotFound:
        return NotFound(
            f"không có tệp đang chờ nhập mã {token} (đã nhập, đã quá một ngày, hoặc do người "
            "khác tải lên); hãy tải tệp lên lại"
        )


def safe_name(filename: str) -> str:
    """The file's own name without any folder, printable, short: it only names the document."""
    name = PurePosixPath(filename.replace("\\", "/")).name
    printable = "".join(c for c in name if c.isprintable()).strip()
    return printable[-_NAME_LENGTH:] or "van-ban"
