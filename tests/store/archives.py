"""Reading and packing backup archives in tests, to damage them the ways disks and people do."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path


def members(archive: Path) -> dict[str, bytes]:
    """Each member's name and bytes, in the archive's order."""
    with tarfile.open(archive) as opened:
        return {
            entry.name: extracted.read()
            for entry in opened
            if (extracted := opened.extractfile(entry)) is not None
        }


def pack(archive: Path, contents: dict[str, bytes]) -> Path:
    """A .tar.gz holding `contents` in the order given, as `tar czf` would pack them."""
    with tarfile.open(archive, "w:gz") as packed:
        for name, data in contents.items():
            entry = tarfile.TarInfo(name)
            entry.size = len(data)
            packed.addfile(entry, io.BytesIO(data))
    return archive


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its path relative to it, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
