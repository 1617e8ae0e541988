"""What every service's OpenAPI document says about errors, permissions and public operations.

The document is the contract clients are generated from, so it states what the chassis does to every request:
errors in our envelope (``ErrorSchema``), 401 and 403 wherever a permission is needed (named in the operation's
``x-permission``), 404 wherever a path names a record, 415 and 422 wherever a body is read, ``security: []`` where
no token is needed. A route adds only what it alone knows: ``@conflicts`` where it may answer 409.
"""
from __future__ import annotations

import copy
import http

from apispec import BasePlugin
from marshmallow import INCLUDE, Schema, fields

PERMISSION = "x-permission"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class ErrorDetailSchema(Schema):
    class Meta:
        unknown = INCLUDE  # an error may carry details of its own beside these (a conflict's "from" and "to")

    code = fields.String(required=True, metadata={"description": "Stable, for programs: validation_error, not_found…"})
    message = fields.String(required=True, metadata={"description": "For people."})
    field_errors = fields.Dict(data_key="fields", keys=fields.String(), metadata={
        "description": "Each field that is wrong, with its messages (nested fields nest)."})


class ErrorSchema(Schema):
    """Every error of every Fieldwork API: ``{"error": {"code", "message", "fields"?}}``."""

    error = fields.Nested(ErrorDetailSchema, required=True)


def document(view, *, unless_given: bool = False, **operation):
    """Adds ``operation`` to the view's OpenAPI operation, as flask-smorest's ``Blueprint.doc`` does; with
    ``unless_given``, only the keys the route has not documented itself (whichever decorator comes first)."""
    apidoc = copy.deepcopy(getattr(view, "_apidoc", {}))  # the dict may be shared with a wrapped function
    manual = apidoc.setdefault("manual_doc", {})
    for key, value in operation.items():
        if unless_given and key in manual:
            continue
        if isinstance(value, dict) and isinstance(manual.get(key), dict):
            manual[key] = {**manual[key], **value}
        else:
            manual[key] = value
    view._apidoc = apidoc
    return view


def conflicts(view):
    """Declares that the operation may answer 409 (``Conflict``), in the error envelope."""
    return document(view, responses={409: http.HTTPStatus.CONFLICT.name})


class ErrorResponses(BasePlugin):
    """An apispec plugin that documents, on every operation, the errors the chassis answers for it."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        for method, operation in (operations or {}).items():
            if method not in _METHODS:
                continue
            responses = operation.setdefault("responses", {})
            expected = []
            if PERMISSION in operation:
                expected += [401, 403]
            if "{" in (path or ""):
                expected.append(404)
            if operation.get("requestBody"):
                expected += [415, 422]
            declared = {str(status) for status in responses}
            for status in expected:
                if str(status) not in declared:
                    responses[status] = http.HTTPStatus(status).name  # the Api's response of that status
