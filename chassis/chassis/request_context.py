"""What a request's code needs besides its input, by the same names in every service: who acts, the time, and
the process's adapters. Entry points read these; code below them is handed what it needs, or (for a process's
adapters) asks here rather than the web framework."""
from __future__ import annotations

import datetime as dt
from typing import Any

from flask import current_app

from chassis.auth import Principal, current_principal
from chassis.messaging.event import utcnow
from chassis.service import Runtime

CLOCK = "clock"  # an adapter a service may give so that its tests set the time now() answers


def runtime() -> Runtime:
    return current_app.extensions["fieldwork"]


def adapter(name: str) -> Any:
    return runtime().adapter(name)


def callers_api(name: str) -> Any:
    """The adapter ``name`` (another service's API, ``chassis.references.RecordsApi``) bound to the caller's token:
    what an entry point hands the service layer when it may have to ask that service."""
    return adapter(name).as_caller(current_principal().token)


def principal() -> Principal:
    return current_principal()


def actor() -> str:
    """Who acts, as records show it: the user's display name."""
    return current_principal().display_name


def now() -> dt.datetime:
    clock = runtime().adapters.get(CLOCK)
    return clock() if clock is not None else utcnow()
