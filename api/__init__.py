"""The web service: JSON API, server-rendered pages and authentication (FastAPI)."""
