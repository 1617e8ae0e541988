"""A section of a composed answer from one service call: its data as the service sent it, or why not."""
from __future__ import annotations

from gateway.composition.rawjson import Raw
from gateway.upstream.calls import NOT_CONFIGURED
from gateway.upstream.fanout import Failed, Outcome

OK, UNAVAILABLE = "ok", "unavailable"


def section(outcome: Outcome) -> dict:
    if isinstance(outcome, Failed):
        status = NOT_CONFIGURED if outcome.reason == NOT_CONFIGURED else UNAVAILABLE
        return {"status": status, "reason": outcome.reason}
    if not outcome.ok:
        return {"status": UNAVAILABLE, "reason": f"answered {outcome.status}"}
    return {"status": OK, "data": Raw(outcome.body)}


def parsed(outcome: Outcome) -> dict | None:
    """The body of a successful reply, parsed (for the few small answers the gateway reads)."""
    if isinstance(outcome, Failed) or not outcome.ok:
        return None
    return outcome.json()
