"""flask-smorest's Api with Fieldwork's error envelope on every 4xx and 5xx (answered and documented), and its
Blueprint for every route."""
from __future__ import annotations

import logging

import flask_smorest
from flask import jsonify
from werkzeug.exceptions import HTTPException

from chassis.api_doc import ErrorResponses, ErrorSchema, conflicts
from chassis.auth.guard import PUBLIC, public, require
from chassis.errors import DomainError
from chassis.http_errors import CODES, answer, envelope
from chassis.request_parser import BODY_LOCATIONS, RequestParser

__all__ = ["Api", "BINARY", "Blueprint", "PUBLIC", "conflicts"]  # a route says it may answer 409 with @conflicts

log = logging.getLogger("chassis.errors")

def _flatten_webargs(messages: dict) -> dict[str, list[str]]:
    """webargs groups messages by location ({"json": {...}}); clients want the fields only."""
    fields: dict[str, list[str]] = {}
    for location_messages in messages.values():
        if isinstance(location_messages, dict):
            for name, value in location_messages.items():
                fields[name] = value if isinstance(value, (list, dict)) else [value]  # nested errors stay as given
        else:
            fields.setdefault("_schema", []).extend(location_messages)
    return fields


# A response that is a file (a PDF, an image), for ``@blp.response(200, BINARY, content_type=...)``.
BINARY = {"type": "string", "format": "binary"}


class Api(flask_smorest.Api):
    ERROR_SCHEMA = ErrorSchema

    def _init_spec(self, *, extra_plugins=None, **options):
        super()._init_spec(extra_plugins=[*(extra_plugins or ()), ErrorResponses()], **options)

    def _register_error_handlers(self):
        self._app.register_error_handler(DomainError, self._handle_domain_error)
        self._app.register_error_handler(HTTPException, self.handle_http_exception)
        self._app.register_error_handler(Exception, self._handle_unexpected)

    @staticmethod
    def _handle_domain_error(error: DomainError):
        body, status = answer(error)
        return jsonify(body), status

    def handle_http_exception(self, error: HTTPException):
        status = error.code or 500
        data = getattr(error, "data", None) or {}
        if status == 422 and "messages" in data:
            body = envelope("validation_error", "The input is not valid.", _flatten_webargs(data["messages"]))
        else:
            body = envelope(CODES.get(status, "error"), data.get("message") or error.description or error.name)
        return jsonify(body), status

    @staticmethod
    def _handle_unexpected(error: Exception):
        log.exception("unhandled error")
        return jsonify(envelope("internal_error", "Something went wrong on our side.")), 500


class Blueprint(flask_smorest.Blueprint):
    """What every service's routes are declared on (the gateway's too): input read by ``chassis.request_parser``.

    A route is one function declared in one line, saying all its contract says::

        @blp.get("/customers/<uuid:customer_id>/status", "customers:view", query=PageArgs, response=StatusPage)
        def status_history(query, customer_id): ...

    ``get``, ``post``, ``put``, ``patch`` and ``delete`` take the permission the caller needs (or ``PUBLIC``),
    the query and body schemas (handed to the view in that order, before the path's values), and the response
    schema with its status (200 unless given; 204 with no schema). Decorators the route alone needs
    (``@conflicts``) go beneath.
    """

    ARGUMENTS_PARSER = RequestParser()
    # "multipart": form fields and files read as one body (an upload with its caption), documented as one.
    DEFAULT_LOCATION_CONTENT_TYPE_MAPPING = {**flask_smorest.Blueprint.DEFAULT_LOCATION_CONTENT_TYPE_MAPPING,
                                             "multipart": "multipart/form-data"}

    def arguments(self, schema, *, location="json", required=True, **kwargs):
        # flask-smorest writes ``required`` into the document only; the parser holds the request to it as well.
        if location in BODY_LOCATIONS:
            kwargs["body_required"] = required
        return super().arguments(schema, location=location, required=required, **kwargs)

    def get(self, rule, permission, **contract):
        return self._operation("GET", rule, permission, **contract)

    def post(self, rule, permission, **contract):
        return self._operation("POST", rule, permission, **contract)

    def put(self, rule, permission, **contract):
        return self._operation("PUT", rule, permission, **contract)

    def patch(self, rule, permission, **contract):
        return self._operation("PATCH", rule, permission, **contract)

    def delete(self, rule, permission, **contract):
        return self._operation("DELETE", rule, permission, **contract)

    def _operation(self, method, rule, permission, *, query=None, body=None, body_in="json", body_required=True,
                   response=None, status=None, **response_doc):
        def declare(view):
            declared = self.response(status or (200 if response is not None else 204), response, **response_doc)(view)
            if body is not None:
                declared = self.arguments(body, location=body_in, required=body_required)(declared)
            if query is not None:
                declared = self.arguments(query, location="query")(declared)
            declared = public(declared) if permission is PUBLIC else require(permission)(declared)
            return self.route(rule, methods=[method])(declared)

        return declare
