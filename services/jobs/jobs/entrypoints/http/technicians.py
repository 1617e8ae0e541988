"""HTTP routes of technicians: the account's people who do the work."""
from __future__ import annotations

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.pagination import page_schema
from jobs.adapters import queries
from jobs.entrypoints.http.schemas.requests import TechnicianEditable, TechnicianFilter, TechnicianIn
from jobs.entrypoints.http.schemas.responses import TechnicianOut
from jobs.service_layer.technicians import add_technician, edit_technician, load_technician

blp = Blueprint("technicians", __name__, url_prefix="/technicians", description="Technicians")


@blp.get("", "jobs:view", query=TechnicianFilter, response=page_schema(TechnicianOut, name="TechnicianPage"))
def list_technicians(args):
    return queries.technicians(request_session(), active=args["active"], limit=args["limit"],
                               cursor=args["cursor"]).as_dict()


@blp.post("", "settings:edit", body=TechnicianIn, response=TechnicianOut, status=201)
def create_technician(command):
    return add_technician(request_session(), command)


@blp.get("/<uuid:technician_id>", "jobs:view", response=TechnicianOut)
def read_technician(technician_id):
    return load_technician(request_session(), technician_id)


@blp.patch("/<uuid:technician_id>", "settings:edit", body=TechnicianEditable, response=TechnicianOut)
def update_technician(command, technician_id):
    session = request_session()
    return edit_technician(session, load_technician(session, technician_id), command)
