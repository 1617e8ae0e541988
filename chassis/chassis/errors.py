"""What domain code raises when a request cannot be done: plain exceptions that say what went wrong and know
nothing of HTTP. ``chassis.http_errors`` alone says how each is answered (status, code, the error envelope).

A service may subclass these for cases of its own; the answer follows the nearest class named there."""
from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """An outcome that is not success: a message for people, and optionally the fields at fault and details
    (keys of its own, such as a conflict's ``from`` and ``to``)."""

    def __init__(self, message: str, *, fields: dict[str, list[str]] | None = None,
                 details: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields
        self.details = details


class NotFound(DomainError):
    """No such record in the caller's account."""


class Conflict(DomainError):
    """The record's state forbids it (a paid invoice voided, a merged customer edited)."""


class ValidationFailed(DomainError):
    """Input that is well-formed but wrong; ``fields`` maps each field to its messages."""

    def __init__(self, fields: dict[str, list[str]], message: str = "The input is not valid."):
        super().__init__(message, fields=fields)


class Forbidden(DomainError):
    """The caller is known but may not do this."""


class Unauthenticated(DomainError):
    """Who asks cannot be established: a refused token or link."""


class TooLarge(DomainError):
    """An upload over what is accepted."""


class Unavailable(DomainError):
    """Something this depends on did not answer; trying again later may work."""


def field_error(field: str, message: str) -> ValidationFailed:
    return ValidationFailed({field: [message]})
