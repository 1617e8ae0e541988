"""What a service's circuit breaker counts: only what says the service itself is sick, never one caller's request.

A service's breaker is shared by every account, so whatever one caller can cause with their own request must not
count: a 4xx, a 500 (a value the service failed to refuse, which is its bug to fix, not a sign that it is down), or
a request of ours that cannot even be sent. Otherwise one tenant's bad input opens the breaker and every account's
workspace loses the service. The service is sick when it cannot be reached, does not answer in time, breaks its
answer off, or says so itself (502, 503, 504). This module is the one place that decides it.
"""
from __future__ import annotations

import enum

import requests
import urllib3


class Verdict(enum.Enum):
    HEALTHY = "healthy"  # it answered: the count of consecutive failures starts again
    SICK = "sick"        # counts against the breaker
    NONE = "none"        # says nothing about the service: counts for nothing, but a half-open trial is over


SICK_STATUSES = frozenset({502, 503, 504})

# Not reaching the service, or not getting its whole answer in time. requests says it with its own errors (a refused
# or reset connection is a ConnectionError, an answer broken off a ChunkedEncodingError), urllib3 beneath it with
# its own (NewConnectionError and NameResolutionError are ConnectTimeoutError subclasses).
_SICK_ERRORS = (requests.exceptions.Timeout, requests.exceptions.ConnectionError,
                requests.exceptions.ChunkedEncodingError, urllib3.exceptions.TimeoutError,
                urllib3.exceptions.ProtocolError)


def of_answer(status: int) -> Verdict:
    if status in SICK_STATUSES:
        return Verdict.SICK
    if status >= 500:
        return Verdict.NONE
    return Verdict.HEALTHY


def of_error(error: BaseException) -> Verdict:
    """A call that raised before an answer: sick only if the service was not reached or did not answer."""
    return Verdict.SICK if isinstance(error, _SICK_ERRORS) else Verdict.NONE


def reason(error: BaseException) -> str:
    """What went wrong, named as urllib3 names it (ReadTimeoutError, NewConnectionError, ProtocolError): requests
    wraps urllib3's error, and the operator reading a section's reason or the breaker's log wants the cause."""
    if isinstance(error, requests.exceptions.ReadTimeout):
        return "ReadTimeoutError"
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return "ConnectTimeoutError"
    if isinstance(error, requests.exceptions.ChunkedEncodingError):
        return "ProtocolError"
    cause = error.args[0] if error.args and isinstance(error.args[0], BaseException) else None
    if isinstance(cause, urllib3.exceptions.MaxRetryError) and cause.reason is not None:
        cause = cause.reason
    return type(cause or error).__name__
