"""A person's corrections, laid over the tables as the reader found them.

Column moves change what a column holds before any row is read; row marks are found by the
row's place ('dòng 15') and, when a revised document moved the row, by its words. What no
longer matches anything is reported, never applied elsewhere.
"""

from __future__ import annotations

from dataclasses import replace

from planner.domain.import_corrections import ColumnMove, RowMark, RowRole
from planner.domain.text import name_key
from planner.importer.cells import cell_text
from planner.importer.findings import Findings, Place
from planner.importer.headers import Column, Layout, Meaning
from planner.importer.source import Origin, Row
from planner.importer.spelling import words_key
from planner.importer.tables import RawTable

_REPEATABLE = (Meaning.TARGET, Meaning.ACHIEVED, Meaning.UNKNOWN, Meaning.NOTES)


def move_columns(table: RawTable, moves: list[ColumnMove], findings: Findings) -> None:
    """Give the columns the meanings the person said; another column that held one of them
    (only one column may hold the lead agencies) is left unread, its cells reported."""
    layout = table.layout
    for move in moves:
        column = next(
            (c for c in layout.columns if name_key(c.header) == name_key(move.heading)), None
        )
        if column is None:
            findings.warning(
                f"sửa cột '{move.heading}': {table.label} không có cột nào tiêu đề như vậy; bỏ qua",
                Place(table.label),
            )
            continue
        layout = _moved(layout, column, Meaning(move.field))
    table.layout = layout


def _moved(layout: Layout, column: Column, meaning: Meaning) -> Layout:
    columns = []
    for found in layout.columns:
        if found.position == column.position:
            found = replace(found, meaning=meaning)
        elif found.meaning is meaning and meaning not in _REPEATABLE:
            found = replace(found, meaning=Meaning.UNKNOWN)
        columns.append(found)
    return replace(layout, columns=tuple(columns))


def row_text(row: Row) -> str:
    """A row's cells as one line: kept with a mark to know the row again when a revised
    document moves it to another line."""
    return " ".join(t for t in (cell_text(c) for c in row.cells) if t)


def row_words(row: Row) -> str:
    return words_key(row_text(row))


def marked_rows(
    table: RawTable, marks: list[RowMark], findings: Findings
) -> tuple[dict[Origin, RowRole], list[RowMark]]:
    """Each marked row's role, found by place and words; marks that match no row are reported.
    Also the marks as they stand now: each at the row's place, with its words."""
    by_source = {str(row.origin): row for row in table.rows}
    by_words: dict[str, list[Row]] = {}
    for row in table.rows:
        by_words.setdefault(row_words(row), []).append(row)
    roles: dict[Origin, RowRole] = {}
    kept: list[RowMark] = []
    for mark in marks:
        found = _row_of(mark, by_source, by_words)
        kept.append(mark if found is None else _at(mark, found))
        if found is None:
            findings.warning(
                f"sửa {mark.source} ({mark.role.label}): không còn dòng nào như vậy trong "
                f"{table.label}; bỏ qua",
                Place(table.label),
            )
            continue
        roles[found.origin] = mark.role
    return roles, kept


def _at(mark: RowMark, row: Row) -> RowMark:
    return replace(mark, source=str(row.origin), text=row_text(row))


def _row_of(mark: RowMark, by_source: dict[str, Row], by_words: dict[str, list[Row]]) -> Row | None:
    at = by_source.get(mark.source)
    if not mark.text or (at is not None and row_words(at) == words_key(mark.text)):
        return at
    same = by_words.get(words_key(mark.text), [])
    return same[0] if len(same) == 1 else None
