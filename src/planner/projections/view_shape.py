"""The shape of the views a store was built with, so a new release rebuilds stale views itself.

Views hold nothing the events do not, so rather than migrating their tables, planner drops
and rebuilds them from the events whenever their tables or handlers have changed.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, MetaData, inspect, select
from sqlalchemy.dialects import postgresql, sqlite

from planner.projections.schema import view_shapes

# Raise when a view's handlers change what they store without changing its tables.
HANDLERS_VERSION = 3

VIEWS = "views"


def fingerprint(metadata: MetaData) -> str:
    """A digest of every view table's columns, indexes and options, and of the handlers'
    version."""
    parts = [f"handlers {HANDLERS_VERSION}"]
    for table in metadata.sorted_tables:
        columns = [(c.name, str(c.type), c.primary_key, c.nullable) for c in table.columns]
        indexes = sorted((i.name or "", tuple(c.name for c in i.columns)) for i in table.indexes)
        options = sorted(table.kwargs.items())  # sqlite_with_rowid, say
        parts.append(repr((table.name, columns, indexes, options)))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def drop_views(connection: Connection, metadata: MetaData) -> None:
    """Drop every view table: this release's, and those an older one kept and this one no
    longer has (their names start with view_, as all of ours do)."""
    metadata.drop_all(connection)
    preparer = connection.dialect.identifier_preparer
    for name in inspect(connection).get_table_names():
        if name.startswith("view_"):
            connection.exec_driver_sql(f"DROP TABLE {preparer.quote(name)}")


def built_with(connection: Connection) -> str | None:
    """The fingerprint the stored views were built with, if any."""
    if not inspect(connection).has_table(view_shapes.name):
        return None
    query = select(view_shapes.c.fingerprint).where(view_shapes.c.views == VIEWS)
    found = connection.execute(query).scalar()
    return str(found) if found is not None else None


def record(connection: Connection, digest: str) -> None:
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(view_shapes).values(views=VIEWS, fingerprint=digest)
    connection.execute(
        statement.on_conflict_do_update(index_elements=["views"], set_={"fingerprint": digest})
    )
