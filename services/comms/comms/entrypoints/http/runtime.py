"""What the routes need from the process: its adapters (config, customers API, providers)."""
from __future__ import annotations

from flask import current_app


def adapters() -> dict:
    return current_app.extensions["fieldwork"].adapters
