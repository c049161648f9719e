"""The JSON API under /api: everything the command line does, with the same JSON shapes."""
