"""The one error envelope of every Fieldwork API and the one place that says how each error is answered: the
domain's exceptions (``chassis.errors``) by their class, and the errors only the HTTP layer raises by their own
status (no token, a body too large or of a type not read)."""
from __future__ import annotations

from typing import Any

from chassis.errors import (Conflict, DomainError, Forbidden, NotFound, TooLarge, Unauthenticated, Unavailable,
                            ValidationFailed)

# A status's code where nothing more precise is known (werkzeug's own errors: 404 of an unknown path, 405).
CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_error",
    429: "too_many_requests", 503: "unavailable",
}

_STATUS_OF = {
    NotFound: 404, Conflict: 409, ValidationFailed: 422, Forbidden: 403, Unauthenticated: 401, TooLarge: 413,
    Unavailable: 503,
}


class HttpError(DomainError):
    """An answer only the HTTP layer gives, with its status; raised by entry points and the chassis's request
    handling, never below them."""

    status, code = 400, "bad_request"

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        if status is not None:
            self.status = status


class Unauthorized(HttpError):
    status, code = 401, "unauthorized"


class PayloadTooLarge(HttpError):
    status, code = 413, "payload_too_large"


class UnsupportedMediaType(HttpError):
    status, code = 415, "unsupported_media_type"


def status_and_code(error: DomainError) -> tuple[int, str]:
    """How a domain error is answered: as the nearest class named above says, else 400."""
    if isinstance(error, HttpError):
        return error.status, error.code
    status = next((_STATUS_OF[cls] for cls in type(error).__mro__ if cls in _STATUS_OF), 400)
    return status, CODES[status]


def envelope(code: str, message: str, fields: dict | None = None, details: dict[str, Any] | None = None) -> dict:
    error: dict[str, Any] = {"code": code, "message": message}
    if fields:
        error["fields"] = fields
    if details:
        error.update(details)
    return {"error": error}


def answer(error: DomainError) -> tuple[dict, int]:
    """The envelope and status of a domain or HTTP error."""
    status, code = status_and_code(error)
    return envelope(code, error.message, error.fields, error.details), status
