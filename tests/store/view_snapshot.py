"""Every row of every view, to compare views built in different ways."""

from typing import Any

from sqlalchemy import Engine, select

from planner.projections.schema import metadata, positions


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    tables = [t for t in metadata.sorted_tables if t is not positions]
    with engine.connect() as connection:
        return {
            table.name: sorted(
                (tuple(repr(v) for v in row) for row in connection.execute(select(table))),
            )
            for table in tables
        }
