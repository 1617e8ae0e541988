"""What a view needs besides its input: who acts, the time, and the process's adapters."""
from __future__ import annotations

from flask import current_app

from chassis.auth import current_principal
from chassis.messaging.event import utcnow


def actor() -> str:
    """Who acts, as records show it: the user's display name."""
    return current_principal().display_name


def adapter(name: str):
    return current_app.extensions["fieldwork"].adapters[name]


now = utcnow
