"""The manifest (bảng kê) of a backup archive: what it holds and each member's SHA-256.

The archive holds `manifest.json`, `manifest.json.sha256` (one line in `sha256sum` form, so an
extracted archive can also be checked with `sha256sum -c`), `events.jsonl` and the evidence
files under `files/`, laid out as in PLANNER_FILES_DIR.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from planner.backup.damaged import DamagedBackup
from planner.storage.evidence_files import is_reference

FORMAT = "planner-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_CHECKSUM = "manifest.json.sha256"
EVENTS = "events.jsonl"
FILES = "files/"


@dataclass(frozen=True)
class Member:
    size: int
    sha256: str


class Digest:
    """SHA-256 and size of bytes fed in pieces."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self.size = 0

    def update(self, data: bytes) -> None:
        self._hash.update(data)
        self.size += len(data)

    def member(self) -> Member:
        return Member(self.size, self._hash.hexdigest())


@dataclass(frozen=True)
class Manifest:
    planner_version: str
    created_at: datetime
    event_count: int
    last_notification_id: int
    members: dict[str, Member]
    # Files the events name that the files folder lacked (or held damaged) at backup time.
    missing_files: tuple[str, ...] = ()
    format_version: int = FORMAT_VERSION
    database: str = ""  # "sqlite" or "postgresql": where it came from

    def file_count(self) -> int:
        return sum(1 for name in self.members if name.startswith(FILES))

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "format_version": self.format_version,
            "planner_version": self.planner_version,
            "created_at": self.created_at.isoformat(),
            "database": self.database,
            "events": {
                "count": self.event_count,
                "last_notification_id": self.last_notification_id,
            },
            "members": {
                name: {"size": m.size, "sha256": m.sha256} for name, m in self.members.items()
            },
            "missing_files": list(self.missing_files),
        }
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """The manifest in `data`; DamagedBackup says what is wrong with it."""
        try:
            document = json.loads(data.decode("utf-8"))
            return cls._from_document(document)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise DamagedBackup(
                f"{MANIFEST}: bảng kê không đọc được ({error}); chưa ghi gì"
            ) from None

    @classmethod
    def _from_document(cls, document: dict[str, Any]) -> Manifest:
        if document.get("format") != FORMAT:
            raise ValueError("không phải bảng kê của bản sao lưu planner")
        version = int(document["format_version"])
        if version > FORMAT_VERSION:
            raise DamagedBackup(
                f"{MANIFEST}: bản sao lưu dạng {version}, mới hơn dạng {FORMAT_VERSION} mà "
                "phiên bản planner này đọc được; phục hồi bằng phiên bản planner mới hơn"
            )
        members = {
            str(name): Member(int(m["size"]), str(m["sha256"]))
            for name, m in document["members"].items()
        }
        return cls(
            planner_version=str(document["planner_version"]),
            created_at=datetime.fromisoformat(document["created_at"]),
            event_count=int(document["events"]["count"]),
            last_notification_id=int(document["events"]["last_notification_id"]),
            members=members,
            missing_files=tuple(str(r) for r in document.get("missing_files", [])),
            format_version=version,
            database=str(document.get("database", "")),
        )


def checksum_line(manifest: bytes) -> bytes:
    """`manifest.json.sha256`'s content, as `sha256sum manifest.json` prints it."""
    return f"{hashlib.sha256(manifest).hexdigest()}  {MANIFEST}\n".encode("ascii")


def file_member(reference: str) -> str:
    """Where an evidence file is in the archive: as in PLANNER_FILES_DIR, under files/."""
    return f"{FILES}{reference[:2]}/{reference}"


def file_reference(member: str) -> str | None:
    """The evidence file a member holds; None if it is not one."""
    folder, _, reference = member.removeprefix(FILES).partition("/")
    if not member.startswith(FILES) or not is_reference(reference) or folder != reference[:2]:
        return None
    return reference


def content_matches(reference: str, member: Member) -> bool:
    """An evidence file is named by its SHA-256: does its content still have that hash?"""
    return reference.split(".", 1)[0] == member.sha256
