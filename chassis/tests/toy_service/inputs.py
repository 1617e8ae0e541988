"""The toy's routes for proving how the chassis reads input, logs failures and documents errors."""
from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from fieldwork_contracts.customers import CustomerStatusChanged
from flask_smorest.fields import Upload
from marshmallow import fields, validate
from sqlalchemy import text

from chassis.api import PUBLIC, Blueprint, conflicts
from chassis.db import request_session
from chassis.errors import NotFound
from chassis.messaging import emit
from chassis.schemas import Schema
from chassis.service import ServiceSpec

blp = Blueprint("inputs", __name__)


class CreditIn(Schema):
    """Every field optional, as billing's apply-credit: an empty body would apply the whole credit."""

    amount_cents = fields.Integer(load_default=None)
    notify = fields.Boolean(load_default=True)
    lines = fields.List(fields.Nested(lambda: LineIn()), load_default=list)


class LineIn(Schema):
    label = fields.String(required=True)
    quantity = fields.Integer(required=True)


class CreditArgs(Schema):
    limit = fields.Integer(load_default=10)
    notify = fields.Boolean(load_default=False)
    q = fields.String(load_default="")


class PhotoIn(Schema):
    file = Upload(required=True)
    caption = fields.String(load_default=None)


class ContactIn(Schema):
    email = fields.String(required=True)
    note = fields.String(required=True)


class Echo(Schema):
    amount_cents = fields.Integer(allow_none=True)
    notify = fields.Boolean()
    lines = fields.List(fields.Dict())


@blp.get("/credits", "billing:view", query=CreditArgs, response=CreditArgs)
def read_credit_args(query):
    return query


@blp.post("/credits", "billing:edit", body=CreditIn, response=Echo)
def echo_credit(body):
    return body


@blp.post("/credits/preview", "billing:view", body=CreditIn, body_required=False, response=Echo)
def preview(body):
    return body


@blp.post("/photos", "jobs:edit", body=PhotoIn, body_in="multipart", status=201,
          description="The stored photo's name and size.")
def upload(form):
    return {"filename": form["file"].filename, "size": len(form["file"].read()), "caption": form["caption"]}


@blp.post("/contacts", "customers:edit", body=ContactIn, status=201, description="The contact, written.")
@conflicts
def add_contact(body):
    request_session().execute(text("INSERT INTO toy_contacts (id, account_id, email, note) VALUES (:id, :a, :e, :n)"),
                              {"id": uuid.uuid4(), "a": request_session().info["account_id"], "e": body["email"],
                               "n": body["note"]})
    return {"email": body["email"]}


@blp.get("/magic/<token>", PUBLIC, status=200, description="Never: no magic link is valid here.")
def magic(token):
    raise NotFound("This link is not valid.")


# PUBLIC: checked by the route itself, as the gateway's portal checks its own sessions
@blp.get("/sessions/current", PUBLIC, status=200, description="Never: no session is current here.")
@blp.doc(security=[{"bearer": []}])
def current_session():
    raise NotFound("No session.")


emitting = Blueprint("statuses", __name__)


@emitting.post("/statuses/<uuid:customer_id>", "customers:edit", status=201, description="The event was written.")
def change_status(customer_id):
    now = dt.datetime.now(dt.timezone.utc)
    event = emit(request_session(), CustomerStatusChanged(customer_id=customer_id, from_="lead", to="active",
                                                          automatic=True, changed_by=None, changed_at=now))
    return {"event_id": str(event.id), "request_id": event.request_id}


# A second toy named as the producer of customer.status_changed, since an event's contract names who publishes it.
EMITTER = ServiceSpec(name="customers", title="Toy emitter", blueprints=[emitting],
                      migrations=Path(__file__).parent / "migrations")
