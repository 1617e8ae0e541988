"""What a service's circuit breaker counts: only what says the service itself is sick, never one caller's request.

A service's breaker is shared by every account, so whatever one caller can cause with their own request must not
count: a 4xx, a 500 (a value the service failed to refuse, which is its bug to fix, not a sign that it is down), or
a request of ours that cannot even be sent. Otherwise one tenant's bad input opens the breaker and every account's
workspace loses the service. The service is sick when it cannot be reached, does not answer in time, breaks its
answer off, or says so itself (502, 503, 504). This module is the one place that decides it.
"""
from __future__ import annotations

import enum

import urllib3


class Verdict(enum.Enum):
    HEALTHY = "healthy"  # it answered: the count of consecutive failures starts again
    SICK = "sick"        # counts against the breaker
    NONE = "none"        # says nothing about the service: counts for nothing, but a half-open trial is over


SICK_STATUSES = frozenset({502, 503, 504})

# Not reaching the service, or not getting its whole answer in time, as urllib3 says it (NewConnectionError and
# NameResolutionError are ConnectTimeoutError subclasses; an answer broken off is a ProtocolError).
_SICK_ERRORS = (urllib3.exceptions.TimeoutError, urllib3.exceptions.ProtocolError)


def of_answer(status: int) -> Verdict:
    if status in SICK_STATUSES:
        return Verdict.SICK
    if status >= 500:
        return Verdict.NONE
    return Verdict.HEALTHY


def of_error(error: BaseException) -> Verdict:
    """A call that raised before an answer: sick only if the service was not reached or did not answer."""
    return Verdict.SICK if isinstance(error, _SICK_ERRORS) else Verdict.NONE

