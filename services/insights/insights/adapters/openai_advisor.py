"""Asking OpenAI for a summary and next best actions, through the official client, as validated JSON."""
from __future__ import annotations

import json
import logging

import openai
from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate

log = logging.getLogger(__name__)

INSTRUCTIONS = (
    "You advise the office staff of a field-service business about one customer. You get facts as JSON. "
    "Answer only from those facts. Write a short summary (at most three sentences) and at most five next "
    "best actions. Every action must cite, in `cites`, the ids of the facts it rests on, copied exactly "
    "from the JSON; never invent an id. Amounts are integer cents of the given currency."
)
ANSWER_FORMAT = {
    "type": "json_schema",
    "json_schema": {
        "name": "customer_insights", "strict": True,
        "schema": {
            "type": "object", "additionalProperties": False, "required": ["summary", "actions"],
            "properties": {
                "summary": {"type": "string"},
                "actions": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False, "required": ["title", "detail", "cites"],
                    "properties": {"title": {"type": "string"}, "detail": {"type": "string"},
                                   "cites": {"type": "array", "items": {"type": "string"}}}}},
            },
        },
    },
}


class _Action(Schema):
    class Meta:
        unknown = EXCLUDE

    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    detail = fields.String(required=True, validate=validate.Length(max=1000))
    cites = fields.List(fields.String(validate=validate.Length(max=100)), required=True,
                        validate=validate.Length(max=20))


class AnswerSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    summary = fields.String(required=True, validate=validate.Length(min=1, max=1500))
    actions = fields.List(fields.Nested(_Action), required=True, validate=validate.Length(max=10))


class AdvisorUnavailable(Exception):
    """The model did not give a usable answer; ``reason`` is timeout, error or invalid_answer."""

    def __init__(self, reason: str, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status  # OpenAI's HTTP status when it answered with an error


class OpenAIAdvisor:
    def __init__(self, *, base_url: str | None = None, timeout: float = 10.0):
        self.base_url = base_url
        self.timeout = timeout

    def advise(self, api_key: str, model: str, sheet: dict) -> dict:
        """The model's answer to ``sheet``, checked against AnswerSchema; raises AdvisorUnavailable otherwise."""
        client = openai.OpenAI(api_key=api_key, base_url=self.base_url, timeout=self.timeout, max_retries=0)
        try:
            with client:
                # No temperature: reasoning models refuse any but the default.
                completion = client.chat.completions.create(
                    model=model, response_format=ANSWER_FORMAT,
                    messages=[{"role": "system", "content": INSTRUCTIONS},
                              {"role": "user", "content": json.dumps(sheet, separators=(",", ":"))}])
        except openai.APITimeoutError:
            log.warning("openai timed out", extra={"timeout_seconds": self.timeout})
            raise AdvisorUnavailable("timeout") from None
        except openai.APIStatusError as exc:
            # Never the message: OpenAI echoes part of a wrong key in it.
            log.warning("openai refused", extra={"status": exc.status_code, "error_type": type(exc).__name__})
            raise AdvisorUnavailable("error", exc.status_code) from None
        except openai.APIError as exc:
            log.warning("openai unreachable", extra={"error_type": type(exc).__name__})
            raise AdvisorUnavailable("error") from None
        except ValueError as exc:  # a body that is not JSON at all
            log.warning("openai answer unreadable", extra={"error_type": type(exc).__name__})
            raise AdvisorUnavailable("invalid_answer") from None
        except Exception as exc:  # whatever else the client raises: the cards must still be served
            log.warning("openai call failed", extra={"error_type": type(exc).__name__})
            raise AdvisorUnavailable("error") from None
        return _parse(completion)

    def check(self, api_key: str, model: str) -> None:
        """Asks the model one small question of the same shape as a real one, so a key and model that pass will
        also answer the insights; raises AdvisorUnavailable, with ``key_refused`` (401, 403) and
        ``model_not_found`` (404) told apart from other errors."""
        try:
            self.advise(api_key, model, CHECK_SHEET)
        except AdvisorUnavailable as exc:
            reason = {401: "key_refused", 403: "key_refused", 404: "model_not_found"}.get(exc.status, exc.reason)
            raise AdvisorUnavailable(reason, exc.status) from None


# The connection check's question: no customer's data, only enough for the answer's shape.
CHECK_SHEET = {"customer": {"id": "connection-check", "name": "Connection check", "customer_since": "2026-01-01"},
               "note": "This is a connection check: answer with a one-sentence summary and no actions."}


def _parse(completion) -> dict:
    content = completion.choices[0].message.content if completion.choices else None
    try:
        return AnswerSchema().load(json.loads(content or ""))
    except (ValueError, TypeError, ValidationError) as exc:
        log.warning("openai answer rejected", extra={"error_type": type(exc).__name__})
        raise AdvisorUnavailable("invalid_answer") from None
