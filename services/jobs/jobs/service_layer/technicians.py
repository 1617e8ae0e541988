"""Technicians: the account's people who do the work, and the crews assigned to jobs and visits by id."""
from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.db import found
from chassis.errors import field_error
from jobs.adapters.orm import Technician
from chassis.commands import UNSET, sent
from jobs.service_layer.commands import AddTechnician, EditTechnician

Command = TypeVar("Command")  # OpenJob or EditJob: the crew by technician_ids, their names in technicians


def add_technician(session: Session, command: AddTechnician) -> Technician:
    technician = Technician(id=uuid.uuid4(), name=command.name, colour=command.colour.lower(), active=command.active)
    session.add(technician)
    session.flush()
    return technician


def load_technician(session: Session, technician_id: uuid.UUID) -> Technician:
    return found(session, Technician, technician_id, "technician")


def edit_technician(session: Session, technician: Technician, command: EditTechnician) -> Technician:
    for field, value in sent(command).items():
        setattr(technician, field, value.lower() if field == "colour" else value)
    return technician


def crew(session: Session, ids: list[uuid.UUID], *, field: str = "technician_ids") -> tuple[list[str], list[str]]:
    """The ids and names of the technicians ``ids`` names, in its order; 422 on ``field`` for an id that is not an
    active technician of the account."""
    ids = list(dict.fromkeys(ids))
    found = {t.id: t for t in session.scalars(select(Technician).where(Technician.id.in_(ids)))} if ids else {}
    unknown = [str(i) for i in ids if i not in found]
    if unknown:
        raise field_error(field, f"No such technician in this account: {', '.join(unknown)}.")
    inactive = [found[i].name for i in ids if not found[i].active]
    if inactive:
        raise field_error(field, f"Not an active technician: {', '.join(inactive)}.")
    return [str(i) for i in ids], [found[i].name for i in ids]


def assign_crew(session: Session, command: Command) -> Command:
    """``command`` with its ``technician_ids`` checked and the technicians' names beside them (what the record
    shows); an edit that sends no crew keeps the job's."""
    if command.technician_ids is UNSET:
        return command
    ids, names = crew(session, list(command.technician_ids))
    return replace(command, technician_ids=ids, technicians=names)
