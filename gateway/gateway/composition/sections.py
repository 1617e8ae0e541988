"""A section of a composed answer from one service call: its data as the service sent it, or why not."""
from __future__ import annotations

from chassis.wire_json import Fragment
from gateway.upstream.calls import NOT_CONFIGURED
from gateway.upstream.fanout import Failed, Outcome

OK, UNAVAILABLE = "ok", "unavailable"


def section(outcome: Outcome) -> dict:
    """The reply's body passed through as it came, or why there is none."""
    if isinstance(outcome, Failed) or not outcome.ok:
        return unavailable(outcome)
    return {"status": OK, "data": Fragment(outcome.body)}


def unavailable(outcome: Outcome) -> dict:
    """Why a call gave nothing usable: the deployment lacks the service, or it failed, timed out or refused."""
    if isinstance(outcome, Failed):
        status = NOT_CONFIGURED if outcome.reason == NOT_CONFIGURED else UNAVAILABLE
        return {"status": status, "reason": outcome.reason}
    return {"status": UNAVAILABLE, "reason": f"answered {outcome.status}"}


def parsed(outcome: Outcome) -> dict | None:
    """The body of a successful reply, parsed (for the answers the gateway reads or reshapes)."""
    if isinstance(outcome, Failed) or not outcome.ok:
        return None
    return outcome.json()
