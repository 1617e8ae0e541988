"""HTTP routes of technicians: the account's people who do the work."""
from __future__ import annotations

from sqlalchemy import select

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.pagination import keyset_page, page_schema
from jobs.adapters.orm import Technician
from jobs.entrypoints.http.schemas.requests import TechnicianEditable, TechnicianFilter, TechnicianIn
from jobs.entrypoints.http.schemas.responses import TechnicianOut
from jobs.service_layer.commands import AddTechnician, EditTechnician
from jobs.service_layer.technicians import add_technician, edit_technician, load_technician

blp = Blueprint("technicians", __name__, url_prefix="/technicians")


@blp.get("", "jobs:view", query=TechnicianFilter, response=page_schema(TechnicianOut, name="TechnicianPage"))
def list_technicians(args):
    stmt = select(Technician)
    if args["active"] is not None:
        stmt = stmt.where(Technician.active == args["active"])
    return keyset_page(request_session(), stmt, [Technician.name, Technician.id], limit=args["limit"],
                       cursor=args["cursor"], key=lambda t: (t.name, t.id), descending=False).as_dict()


@blp.post("", "settings:edit", body=TechnicianIn, response=TechnicianOut, status=201)
def create_technician(body):
    return add_technician(request_session(), AddTechnician(**body))


@blp.get("/<uuid:technician_id>", "jobs:view", response=TechnicianOut)
def read_technician(technician_id):
    return load_technician(request_session(), technician_id)


@blp.patch("/<uuid:technician_id>", "settings:edit", body=TechnicianEditable, response=TechnicianOut)
def update_technician(changes, technician_id):
    session = request_session()
    return edit_technician(session, load_technician(session, technician_id), EditTechnician(**changes))
