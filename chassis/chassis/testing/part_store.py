"""For each service's tests of its stored answers (chassis.db.part_store): what every service checks alike."""
from __future__ import annotations

import uuid
from types import SimpleNamespace
from typing import Callable

from flask import Flask
from sqlalchemy import text

from fieldwork_contracts.checking import example
from chassis.db import Database
from chassis.db.tenancy import tenanted_tables
from chassis.testing.statements import sent_statements
from chassis.testing.workspace_part import PART, assert_404_for_others


def ask_part(client, auth: dict, customer_id):
    """The customer's workspace part as the gateway asks for it; it must answer 200."""
    response = client.get(PART.format(customer_id), headers=auth)
    assert response.status_code == 200, response.get_json()
    return response


def stored_count(database: Database, customer_id) -> int:
    """How many answers the part store holds for the customer."""
    with database.engine.connect() as connection:
        return connection.scalar(text("SELECT count(*) FROM stored_parts WHERE customer_id = :c"),
                                 {"c": uuid.UUID(str(customer_id))})


def assert_404_and_nothing_stored(client, auth: dict, other_auth: dict, database: Database, customer_id):
    """Another account asking for the customer, and the account asking for an id it does not have, both get 404,
    and neither answer is kept in the store."""
    unknown = assert_404_for_others(client, auth, other_auth, customer_id)
    assert stored_count(database, customer_id) == 0 and stored_count(database, unknown) == 0


def unwatched_tables(database: Database, *also: str) -> set[str]:
    """This database's account-owned tables (and ``also``, e.g. the customer directory) with no part-store trigger."""
    with database.engine.connect() as connection:
        present = set(connection.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")))
        watched = set(connection.scalars(text(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = 'parts_stale_on_insert'")))
    owned = {table.name for table in tenanted_tables()} | set(also)
    return (owned & present) - watched


def assert_stored(app: Flask, ask: Callable):
    """Asks twice: the second answer must be the store's lookup alone, with the first's bytes. Returns it."""
    first = ask()
    with sent_statements(app) as sent:
        second = ask()
    assert len(sent) == 1 and "stored_parts" in sent[0], sent
    assert second.status_code == 200 and second.data == first.data
    return second


def assert_recomputed(app: Flask, ask: Callable):
    """The next answer must have been computed again (more than the lookup). Returns it."""
    with sent_statements(app) as sent:
        fresh = ask()
    assert fresh.status_code == 200 and len(sent) > 1, sent
    return fresh


def assert_a_write_recomputes(app: Flask, ask: Callable, customer: dict, write: Callable, computed: Callable,
                              **context):
    """``write(writer, customer)`` changes what the customer's part shows: the next answer must be computed again,
    differ from the one stored before, and equal ``computed()`` (a fresh computation). ``writer`` carries ``app``,
    ``ask``, ``stored`` (the answer before the write) and ``context``. Returns the fresh answer."""
    writer = SimpleNamespace(app=app, ask=ask, stored=ask(customer["id"]), **context)
    write(writer, customer)
    fresh = assert_recomputed(app, lambda: ask(customer["id"]))
    assert fresh.data != writer.stored.data
    assert fresh.data == computed()
    return fresh


def assert_a_directory_change_recomputes(app: Flask, ask: Callable, deliver: Callable, account_id: uuid.UUID,
                                         customer_id, computed: Callable):
    """A change to the customer in the directory (the customer.updated it takes) makes the next answer computed again,
    for a part that shows nothing of the snapshot but may show the customer at all only through it: the same bytes as
    before, equal to ``computed()``."""
    stored = ask(customer_id)
    assert deliver(app, directory_update(account_id, customer_id, display_name="Dana W."))
    fresh = assert_recomputed(app, lambda: ask(customer_id))
    assert fresh.data == stored.data == computed()


def directory_update(account_id: uuid.UUID, customer_id, **snapshot) -> dict:
    """A ``customer.updated`` the directory takes (newer than any the tests made), changing ``snapshot``'s fields."""
    envelope = example("customer.updated", account_id)
    envelope["id"] = str(uuid.uuid4())
    envelope["data"]["customer"].update(id=str(customer_id), **snapshot)
    envelope["data"]["revision"] = 99
    return envelope
