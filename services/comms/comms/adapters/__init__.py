"""Persistence (ORM, queries) and the outside systems comms talks to (SMTP, SMS provider, billing)."""
