"""Warm every process before the runner says the system is ready.

A process answers its first requests slowly (imports on first use, schemas built, connections opened, stored
workspace parts computed), and the gateway composes a workspace under one deadline: right after start, the first
workspace a person opened showed sections "Temporarily unavailable". So the runner asks for workspaces and
timelines through the gateway, as the page does, until a run of them in a row comes back whole.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

WHOLE_IN_A_ROW = 12  # enough consecutive whole answers that every web worker behind the gateway has served some
FINE = ("ok", "not_configured")  # a section a deployment does not have is not a failure


def _get(url: str, token: str) -> dict | None:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())
    except (OSError, urllib.error.HTTPError, ValueError):
        return None


def unwhole_sections(workspace: dict | None) -> list[str]:
    """The sections of a workspace answer that did not come back (all of them when there is no answer)."""
    if workspace is None:
        return ["workspace"]
    return sorted(name for name, section in workspace.items()
                  if isinstance(section, dict) and "status" in section and section["status"] not in FINE)


def warm_up(front: str, token: str, seconds: float = 120) -> list[str]:
    """Asks for workspaces until ``WHOLE_IN_A_ROW`` come back whole; returns what was still missing at the deadline
    (empty: warm). With no customer yet there is nothing to compose, and nothing to wait for."""
    listed = _get(f"{front}/api/customers?limit=10", token) or {"items": []}
    customers = [customer["id"] for customer in listed.get("items", [])]
    if not customers:
        return []
    deadline, in_a_row, missing, turn = time.monotonic() + seconds, 0, ["workspace"], 0
    while time.monotonic() < deadline:
        customer_id = customers[turn % len(customers)]
        turn += 1
        missing = unwhole_sections(_get(f"{front}/api/customers/{customer_id}/workspace", token))
        if _get(f"{front}/api/customers/{customer_id}/timeline", token) is None:
            missing.append("timeline page")
        in_a_row = 0 if missing else in_a_row + 1
        if in_a_row >= WHOLE_IN_A_ROW:
            return []
        if missing:
            time.sleep(0.2)
    return missing
