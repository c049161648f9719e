"""Signing in: sessions for pages, bearer tokens for the API, CSRF and rate limits."""
