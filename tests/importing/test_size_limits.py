"""A mistaken export (a whole database, a sheet of 145,000 rows) is refused before it is read."""

from __future__ import annotations

import pytest

from planner.importer.document_file import MAX_BYTES, MAX_ROWS, read_document_bytes
from planner.importer.errors import UnreadableDocument


def test_a_file_heavier_than_a_plan_is_refused_with_its_size_and_the_limit() -> None:
    data = ("x" * 1023 + "\n").encode() * (MAX_BYTES // 1024 + 1)
    with pytest.raises(UnreadableDocument, match=r"nặng 8\.0 MB, quá giới hạn 8 MB"):
        read_document_bytes(data, "xuat-ca-co-so-du-lieu.txt")


def test_a_table_longer_than_a_plan_is_refused_with_its_rows_and_the_limit() -> None:
    data = "".join(f"{n}\tNhiệm vụ {n}\tSở Nội vụ\n" for n in range(MAX_ROWS + 1)).encode()
    with pytest.raises(UnreadableDocument, match=r"20\.001 dòng, quá giới hạn 20\.000 dòng"):
        read_document_bytes(data, "bang-dai.txt")


def test_a_plan_within_the_limits_is_read() -> None:
    data = "".join(f"{n}\tNhiệm vụ {n}\tSở Nội vụ\n" for n in range(MAX_ROWS)).encode()
    assert len(read_document_bytes(data, "ke-hoach.txt").blocks) == MAX_ROWS
