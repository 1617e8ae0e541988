"""HTTP routes of technicians: the account's people who do the work."""
from __future__ import annotations

from flask.views import MethodView
from sqlalchemy import select

from chassis.api import Blueprint
from chassis.auth import require
from chassis.db import request_session
from chassis.pagination import keyset_page, page_schema
from jobs.adapters.orm import Technician
from jobs.entrypoints.http.schemas.requests import TechnicianEditable, TechnicianFilter, TechnicianIn
from jobs.entrypoints.http.schemas.responses import TechnicianOut
from jobs.service_layer.commands import AddTechnician, EditTechnician
from jobs.service_layer.technicians import add_technician, edit_technician, load_technician

blp = Blueprint("technicians", __name__, url_prefix="/technicians")


@blp.route("")
class Technicians(MethodView):
    @require("jobs:view")
    @blp.arguments(TechnicianFilter, location="query")
    @blp.response(200, page_schema(TechnicianOut, name="TechnicianPage"))
    def get(self, args):
        stmt = select(Technician)
        if args["active"] is not None:
            stmt = stmt.where(Technician.active == args["active"])
        return keyset_page(request_session(), stmt, [Technician.name, Technician.id], limit=args["limit"],
                           cursor=args["cursor"], key=lambda t: (t.name, t.id), descending=False).as_dict()

    @require("settings:edit")
    @blp.arguments(TechnicianIn)
    @blp.response(201, TechnicianOut)
    def post(self, body):
        return add_technician(request_session(), AddTechnician(**body))


@blp.route("/<uuid:technician_id>")
class TechnicianById(MethodView):
    @require("jobs:view")
    @blp.response(200, TechnicianOut)
    def get(self, technician_id):
        return load_technician(request_session(), technician_id)

    @require("settings:edit")
    @blp.arguments(TechnicianEditable)
    @blp.response(200, TechnicianOut)
    def patch(self, changes, technician_id):
        session = request_session()
        return edit_technician(session, load_technician(session, technician_id), EditTechnician(**changes))
