"""New work for a customer — a job, an estimate, a plan — is checked one way before it is made: the customer is the
account's and may be written for, a do-not-service flag is overridden with a reason or the work refused, and the
property is the customer's; the override, when one was needed, is kept with the record made."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from chassis.customer_directory import require_customer
from chassis.references import CallersApi
from jobs.service_layer.holds import cleared_for_work, keep_override
from jobs.service_layer.places import at_customers_property

Command = TypeVar("Command")
Record = TypeVar("Record")


def make_new_work(session: Session, command: Command, customers: CallersApi, *, what: str, kind: str,
                  make: Callable[[Command], Record], by: str, now: dt.datetime) -> Record:
    """``make(command)`` once the command has passed the checks (``what``: the work's name in a refusal, "jobs";
    ``kind``: the record's name in its history, "job")."""
    require_customer(session, command.customer_id, customers)
    command, override = cleared_for_work(session, command.customer_id, command, what)
    command = at_customers_property(session, command, command.customer_id, customers)
    record = make(command)
    keep_override(session, kind, record, override, by=by, now=now)
    return record
