"""Where events and views live: SQLite by default, PostgreSQL by URL."""
