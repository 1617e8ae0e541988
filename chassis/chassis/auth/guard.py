"""Deny by default: every route is either public or declares the permission it needs (``chassis.api.Blueprint``'s
verb decorators apply ``public`` or ``require``)."""
from __future__ import annotations

import functools

from flask import current_app, g, request

from chassis.api_doc import PERMISSION, document
from chassis.auth.tokens import Principal, decode_token
from chassis.errors import Forbidden
from chassis.http_errors import Unauthorized

_PUBLIC = "_fieldwork_public"
PUBLIC = object()  # what a route declared with ``Blueprint.get(rule, PUBLIC)`` needs: no token
_PUBLIC_ENDPOINT_PREFIXES = ("api-docs.",)  # flask-smorest's OpenAPI document
_PERMISSION = "_fieldwork_permission"


def public(view):
    """Marks a route that needs no token (health, metrics, signed webhooks, the API document); its OpenAPI
    operation says so (``security: []``) unless the route documents a credential of its own (a portal session)."""
    setattr(view, _PUBLIC, True)
    return document(view, unless_given=True, security=[])


def require(permission: str):
    """Requires a verified token carrying ``permission``; 401 without a token, 403 without the permission (both
    documented on the operation, with the permission as ``x-permission``)."""

    def decorate(view):
        @functools.wraps(view)
        def guarded(*args, **kwargs):
            if not current_principal().can(permission):
                raise Forbidden(f"This needs the '{permission}' permission.")
            return view(*args, **kwargs)

        setattr(guarded, _PERMISSION, permission)
        # The OpenAPI operation names it, and the API-walk tests read it from there.
        return document(guarded, **{PERMISSION: permission})

    return decorate


def current_principal() -> Principal:
    principal = g.get("principal")
    if principal is None:
        principal = _authenticate()
        g.principal = principal
    return principal


def _authenticate() -> Principal:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("A bearer token is required.")
    return decode_token(token.strip(), current_app.config["FIELDWORK_SETTINGS"].jwt_secret)


def is_public(view) -> bool:
    return getattr(view, _PUBLIC, False)


def declared_permission(view) -> str | None:
    return getattr(view, _PERMISSION, None)


def authenticate_request() -> None:
    """before_request hook: every non-public endpoint needs a valid token before any view code runs."""
    view = current_app.view_functions.get(request.endpoint) if request.endpoint else None
    if view is None or request.endpoint.startswith(_PUBLIC_ENDPOINT_PREFIXES) or is_public(view):
        return
    current_principal()


def unguarded_views(app) -> list[str]:
    """Endpoints that are neither public nor declare a permission: a startup check refuses to run with any (a
    class-based view is one of them, since the check reads functions)."""
    return [endpoint for endpoint, view in app.view_functions.items()
            if endpoint != "static" and not endpoint.startswith(_PUBLIC_ENDPOINT_PREFIXES)
            and not is_public(view) and declared_permission(view) is None]
