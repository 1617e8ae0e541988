"""What every route of this service reads from the request: caller, time, adapters."""
from __future__ import annotations

import datetime as dt

from flask import current_app

from chassis.auth import current_principal


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def caller() -> str:
    """Who acts, as records show it: the user's display name."""
    return current_principal().display_name


def adapter(name: str):
    return current_app.extensions["fieldwork"].adapter(name)
