"""Routes of internal notes and of the customer's part of the activity timeline."""
from __future__ import annotations

from fieldwork_contracts.activity import ActivityItemSchema
from chassis.api import Blueprint
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import actor, callers_api, now
from customers.adapters import queries
from customers.entrypoints.http.schemas.requests import NoteIn, NotePatch, patch_body
from customers.entrypoints.http.schemas.responses import NoteOut
from customers.service_layer import notes, presenters
from customers.service_layer.loading import customer_for_change, get_customer

blp = Blueprint("notes", __name__, url_prefix="/customers/<uuid:customer_id>", description="Notes and activity")


@blp.get("/notes", "customers:view", query=PageArgs, response=page_schema(NoteOut))
def list_notes(query, customer_id):
    session = request_session()
    get_customer(session, customer_id)
    return queries.notes_page(session, customer_id, limit=query["limit"], cursor=query["cursor"]).as_dict()


@blp.post("/notes", "customers:edit", body=NoteIn, response=NoteOut, status=201)
def add_note(command, customer_id):
    session = request_session()
    return notes.add_note(session, customer_for_change(session, customer_id), command,
                          comms_api=callers_api("comms_api"), by=actor(), now=now())


@blp.patch("/notes/<uuid:note_id>", "customers:edit", body=patch_body(NotePatch), response=NoteOut)
def edit_note(command, customer_id, note_id):
    session = request_session()
    return notes.edit_note(session, customer_for_change(session, customer_id), note_id, command,
                           comms_api=callers_api("comms_api"), by=actor(), now=now())


@blp.delete("/notes/<uuid:note_id>", "customers:edit")
def delete_note(customer_id, note_id):
    session = request_session()
    notes.delete_note(session, customer_for_change(session, customer_id), note_id, by=actor(), now=now())


@blp.get("/activity", "customers:view", query=PageArgs,
         response=page_schema(ActivityItemSchema, name="CustomerActivityPage"))
def activity(query, customer_id):
    session = request_session()
    get_customer(session, customer_id)
    return activity_of(session, customer_id, limit=query["limit"], cursor=query["cursor"])


def activity_of(session, customer_id, *, limit: int, cursor: str | None = None) -> dict:
    """A page of the customer's part of the timeline, for a customer already found to be the caller's."""
    return queries.activity_page(session, customer_id, limit=limit, cursor=cursor).as_dict(presenters.activity_item)
