"""Routes of internal notes and of the customer's part of the activity timeline."""
from __future__ import annotations

from flask.views import MethodView

from fieldwork_contracts.activity import ActivityItemSchema
from chassis.api import Blueprint
from chassis.auth import require
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import actor, now
from customers.adapters import queries
from customers.entrypoints.http import presenters
from customers.entrypoints.http.schemas.requests import NoteIn, NotePatch, patch_body
from customers.entrypoints.http.schemas.responses import NoteOut
from customers.service_layer import notes
from customers.service_layer.loading import customer_for_change, get_customer

blp = Blueprint("notes", __name__, url_prefix="/customers/<uuid:customer_id>", description="Notes and activity")


@blp.route("/notes")
class Notes(MethodView):
    @require("customers:view")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_schema(NoteOut))
    def get(self, args, customer_id):
        session = request_session()
        get_customer(session, customer_id)
        return queries.notes_page(session, customer_id, limit=args["limit"], cursor=args["cursor"]).as_dict()

    @require("customers:edit")
    @blp.arguments(NoteIn)
    @blp.response(201, NoteOut)
    def post(self, command, customer_id):
        session = request_session()
        return notes.add_note(session, customer_for_change(session, customer_id), command, by=actor(), now=now())


@blp.route("/notes/<uuid:note_id>")
class NoteById(MethodView):
    @require("customers:edit")
    @blp.arguments(patch_body(NotePatch))
    @blp.response(200, NoteOut)
    def patch(self, command, customer_id, note_id):
        session = request_session()
        return notes.edit_note(session, customer_for_change(session, customer_id), note_id, command, by=actor(),
                               now=now())

    @require("customers:edit")
    @blp.response(204)
    def delete(self, customer_id, note_id):
        session = request_session()
        notes.delete_note(session, customer_for_change(session, customer_id), note_id, by=actor(), now=now())


@blp.route("/activity")
class Activity(MethodView):
    @require("customers:view")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_schema(ActivityItemSchema, name="CustomerActivityPage"))
    def get(self, args, customer_id):
        session = request_session()
        get_customer(session, customer_id)
        return activity_of(session, customer_id, limit=args["limit"], cursor=args["cursor"])


def activity_of(session, customer_id, *, limit: int, cursor: str | None = None) -> dict:
    """A page of the customer's part of the timeline, for a customer already found to be the caller's."""
    return queries.activity_page(session, customer_id, limit=limit, cursor=cursor).as_dict(presenters.activity_item)
