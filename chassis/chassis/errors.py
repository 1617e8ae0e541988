"""The one error envelope of every Fieldwork API, and the exceptions domain code raises to produce it."""
from __future__ import annotations

from typing import Any


class AppError(Exception):
    """An outcome that is not success; carries its HTTP status and stable error code."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, fields: dict[str, list[str]] | None = None, details: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields
        self.details = details

    def envelope(self) -> dict:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.fields:
            error["fields"] = self.fields
        if self.details:
            error.update(self.details)
        return {"error": error}


class BadRequest(AppError):
    status, code = 400, "bad_request"


class Unauthorized(AppError):
    status, code = 401, "unauthorized"


class Forbidden(AppError):
    status, code = 403, "forbidden"


class NotFound(AppError):
    status, code = 404, "not_found"


class Conflict(AppError):
    status, code = 409, "conflict"


class PayloadTooLarge(AppError):
    status, code = 413, "payload_too_large"


class UnsupportedMediaType(AppError):
    status, code = 415, "unsupported_media_type"


class ValidationFailed(AppError):
    """Input that is well-formed but wrong; ``fields`` maps each field to its messages."""

    status, code = 422, "validation_error"

    def __init__(self, fields: dict[str, list[str]], message: str = "The input is not valid."):
        super().__init__(message, fields=fields)


class Unavailable(AppError):
    status, code = 503, "unavailable"


def field_error(field: str, message: str) -> ValidationFailed:
    return ValidationFailed({field: [message]})


def envelope(status: int, code: str, message: str, fields: dict | None = None) -> dict:
    error: dict[str, Any] = {"code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}
