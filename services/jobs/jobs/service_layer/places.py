"""Where the work is: a command's property_id must be the customer's property, and the record keeps its address."""
from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TypeVar

from sqlalchemy.orm import Session

from chassis.customer_directory import require_property
from chassis.references import CallersApi

Command = TypeVar("Command")  # a job's, an estimate's or a plan's, new or edited: it has both property fields


def at_customers_property(session: Session, command: Command, customer_id: uuid.UUID, api: CallersApi, *,
                          current: uuid.UUID | None = None) -> Command:
    """``command`` (a job's, an estimate's or a plan's) once its ``property_id`` is checked (422 on the field when
    it is not the customer's), with the property's address filled in where the command gave none, so the record
    shows where it is without asking the customers service. An edit naming the ``current`` property again changes
    nothing: the address the record keeps may have been typed on purpose. An edit's property left ``UNSET`` (not
    sent) is no property, as null is: both are falsy."""
    if not command.property_id or command.property_id == current:
        return command
    prop = require_property(session, command.property_id, customer_id, api)
    if command.property_address:
        return command
    return replace(command, property_address=prop.one_line)
