"""The timeline's plumbing: each service lists its part of a customer's activity the same way.

The item's shape and kinds are a contract (``fieldwork_contracts.activity``). Items are ordered by
``(occurred_at, id)`` newest first and paged with the chassis cursor over that key. Because every service uses the
same key, the gateway can pass one cursor (the key of the last item it served) to all of them and merge their pages
without gaps or repeats.
"""
from __future__ import annotations

API_PREFIX = "/api"  # every public path is the gateway's /api + the service's own path (gateway/routes.py)


def api_link(path: str) -> str:
    """The public address of a service's own path: every link the API hands out resolves through the gateway."""
    return API_PREFIX + path

