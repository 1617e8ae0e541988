"""Persistence and outside systems: ORM tables, read queries, PDF rendering."""
