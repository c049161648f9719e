"""Backups: the events as JSON lines, and one archive with the events, the evidence files and
a manifest of checksums, each checked completely before anything is restored."""
