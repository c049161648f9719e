"""Read models in SQL tables, fed only by events and rebuildable from them at any time."""
