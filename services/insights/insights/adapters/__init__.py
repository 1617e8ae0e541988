"""Persistence and outside systems: ORM tables, read queries, the event log, secrets, OpenAI."""
