"""Persistence (ORM, search and duplicate queries) and outside systems (geocoding, signed tokens)."""
