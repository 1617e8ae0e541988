"""Persistence and outside systems of the jobs service."""
