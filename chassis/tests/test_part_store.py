"""Stored workspace parts: answered from one row while nothing they show has changed, recomputed after any write."""
import datetime as dt
import importlib
import sys
import uuid

import pytest
from sqlalchemy import delete, text, update

from chassis.db import part_store
from chassis.testing.part_store import unwatched_tables
from chassis.testing.statements import sent_statements
from chassis.stored_parts import _code_fingerprint
from toy_service.service import Gadget

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def database(app):
    return app.extensions["fieldwork"].database


@pytest.fixture
def customer(database, account_id):
    return _known_customer(database, account_id)


def _known_customer(database, account_id) -> uuid.UUID:
    customer_id = uuid.uuid4()
    with database.engine.begin() as connection:
        connection.execute(text("INSERT INTO known_customers (id, account_id, display_name) VALUES (:id, :a, 'Dana')"),
                           {"id": customer_id, "a": account_id})
    return customer_id


def _add_gadget(database, account_id, customer_id, name, due_at=None, parts=()) -> uuid.UUID:
    with database.transaction(account_id=account_id) as session:
        gadget = Gadget(customer_id=customer_id, name=name, due_at=due_at)
        session.add(gadget)
        session.flush()
        for part in parts:
            session.execute(text("INSERT INTO gadget_parts (id, account_id, gadget_id, name) VALUES (:id, :a, :g, :n)"),
                            {"id": uuid.uuid4(), "a": account_id, "g": gadget.id, "n": part})
        return gadget.id


def _part(client, auth, customer_id, now=NOW, limit=10):
    response = client.get(f"/customers/{customer_id}/workspace-part", query_string={"limit": limit},
                          headers={**auth, "X-Toy-Now": now.isoformat()})
    return response


def _gadgets(response) -> list[str]:
    assert response.status_code == 200, response.get_json()
    return [gadget["name"] for gadget in response.get_json()["gadgets"]]


def test_the_second_ask_is_answered_from_the_store_in_one_statement_with_the_same_bytes(app, client, auth, database,
                                                                                         account_id, customer):
    _add_gadget(database, account_id, customer, "boiler", parts=["valve"])
    with sent_statements(app) as computed:
        first = _part(client, auth, customer)
    with sent_statements(app) as stored:
        second = _part(client, auth, customer)
    assert first.status_code == second.status_code == 200
    assert second.data == first.data
    assert first.get_json()["gadgets"] == [{"name": "boiler", "due_at": None, "parts": ["valve"]}]
    assert len(stored) == 1 and len(computed) > 2


def test_another_variant_of_the_part_is_stored_apart(client, auth, database, account_id, customer):
    for name in ("a", "b", "c"):
        _add_gadget(database, account_id, customer, name)
    assert _gadgets(_part(client, auth, customer, limit=2)) == ["a", "b"]
    assert _gadgets(_part(client, auth, customer, limit=10)) == ["a", "b", "c"]


WRITES = {
    "an ORM flush": lambda s, customer, gadget: s.get(Gadget, gadget).__setattr__("name", "changed"),
    "a bulk UPDATE": lambda s, customer, gadget: s.execute(update(Gadget).where(Gadget.id == gadget)
                                                           .values(name="changed")),
    "raw SQL": lambda s, customer, gadget: s.execute(text("UPDATE gadgets SET name = 'changed' WHERE id = :g"),
                                                     {"g": gadget}),
    "a row under a record (via its parent)": lambda s, customer, gadget: s.execute(
        text("UPDATE gadget_parts SET name = 'changed' WHERE gadget_id = :g"), {"g": gadget}),
    "a row that names no customer (whole account)": lambda s, customer, gadget: s.execute(
        text("INSERT INTO settings (account_id, greeting) VALUES (:a, 'changed')"), {"a": s.info["account_id"]}),
    "the customer directory": lambda s, customer, gadget: s.execute(
        text("UPDATE known_customers SET display_name = 'changed' WHERE id = :c"), {"c": customer}),
    "a DELETE": lambda s, customer, gadget: (
        s.execute(text("DELETE FROM gadget_parts WHERE gadget_id = :g"), {"g": gadget}),
        s.execute(delete(Gadget).where(Gadget.customer_id == customer))),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_any_way_of_writing_what_a_part_shows_makes_it_stale(app, client, auth, database, account_id, customer, write):
    gadget = _add_gadget(database, account_id, customer, "boiler", parts=["valve"])
    stored = _part(client, auth, customer)
    with database.transaction(account_id=account_id) as session:
        write(session, customer, gadget)
    with sent_statements(app) as sent:
        fresh = _part(client, auth, customer)
    assert fresh.status_code == 200
    assert len(sent) > 1 and fresh.data != stored.data
    assert b"changed" in fresh.data or fresh.get_json()["gadgets"] == []


def test_the_directory_merging_a_customer_makes_the_target_stale_too(client, auth, database, account_id, customer):
    target = _known_customer(database, account_id)
    stored = _part(client, auth, target)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE known_customers SET merged_into = :t WHERE id = :c"),
                           {"t": target, "c": customer})
        connection.execute(text("INSERT INTO gadgets (id, account_id, customer_id, name) "
                                "VALUES (:id, :a, :t, 'moved')"), {"id": uuid.uuid4(), "a": account_id, "t": target})
    assert _gadgets(_part(client, auth, target)) == ["moved"] and _gadgets(stored) == []


def test_a_write_about_one_customer_leaves_the_others_parts_stored(app, client, auth, database, account_id, customer):
    other = _known_customer(database, account_id)
    _part(client, auth, other)
    _add_gadget(database, account_id, customer, "boiler")
    with sent_statements(app) as sent:
        assert _gadgets(_part(client, auth, other)) == []
    assert len(sent) == 1


def test_a_part_is_recomputed_once_time_alone_changes_it(client, auth, database, account_id, customer):
    _add_gadget(database, account_id, customer, "due soon", due_at=NOW + dt.timedelta(hours=1))
    _add_gadget(database, account_id, customer, "due later", due_at=NOW + dt.timedelta(days=1))
    assert _gadgets(_part(client, auth, customer)) == ["due later", "due soon"]
    assert _gadgets(_part(client, auth, customer, now=NOW + dt.timedelta(minutes=59))) == ["due later", "due soon"]
    assert _gadgets(_part(client, auth, customer, now=NOW + dt.timedelta(hours=1))) == ["due later"]


def test_a_write_committed_while_the_part_was_computed_is_never_hidden_by_it(database, account_id, customer):
    # As a route using chassis.stored_parts does: the generations are read, then the part is computed in a
    # transaction of its own. A change committed in between is not in what was kept, so the kept part must not be
    # answered.
    found = part_store.look_up(database, account_id, customer, "v", NOW)
    _add_gadget(database, account_id, customer, "committed meanwhile")
    with database.transaction(account_id=account_id) as computing:
        part_store.store(computing, customer, "v", b'{"gadgets": []}', found, None)
    assert part_store.look_up(database, account_id, customer, "v", NOW).body is None
    again = part_store.look_up(database, account_id, customer, "v", NOW)
    with database.transaction(account_id=account_id) as computing:
        part_store.store(computing, customer, "v", b'{"gadgets": ["committed meanwhile"]}', again, None)
    assert part_store.look_up(database, account_id, customer, "v", NOW).body == b'{"gadgets": ["committed meanwhile"]}'


def test_a_stored_answer_is_one_statement_outside_any_transaction(app, client, auth, database, customer):
    # One round trip: the lookup goes through ``read_one`` (no BEGIN before it, no ROLLBACK after, as
    # test_database proves), where a unit of work would cost three.
    _part(client, auth, customer)
    through_read_one = []
    database.raw_statement_listeners.append(through_read_one.append)
    try:
        with sent_statements(app) as sent:
            stored = _part(client, auth, customer)
    finally:
        database.raw_statement_listeners.remove(through_read_one.append)
    assert stored.status_code == 200 and len(sent) == 1 and through_read_one == sent


def test_a_part_stored_for_one_account_is_never_answered_to_another(client, auth, other_auth, database, account_id,
                                                                    customer):
    _add_gadget(database, account_id, customer, "boiler")
    assert _part(client, auth, customer).status_code == 200  # stored now
    assert _part(client, other_auth, customer).status_code == 404


def test_another_accounts_customer_answers_404_and_nothing_is_stored(client, other_auth, database, customer):
    assert _part(client, other_auth, customer).status_code == 404
    with database.engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM stored_parts WHERE customer_id = :c"), {"c": customer}) == 0


def test_a_truncated_table_forgets_every_stored_part(client, auth, database, account_id, customer):
    _add_gadget(database, account_id, customer, "boiler", parts=["valve"])
    _part(client, auth, customer)
    with database.engine.begin() as connection:
        connection.execute(text("TRUNCATE gadget_parts"))
        assert connection.scalar(text("SELECT count(*) FROM stored_parts")) == 0


def test_a_set_based_insert_of_many_rows_bumps_each_customer_once(database, account_id, customer):
    with database.engine.begin() as connection:
        connection.execute(text("INSERT INTO gadgets (id, account_id, customer_id, name) "
                                "SELECT gen_random_uuid(), :a, :c, 'g' || n FROM generate_series(1, 5000) n"),
                           {"a": account_id, "c": customer})
        rows = connection.execute(text("SELECT count(*) FROM part_generations WHERE customer_id = :c"),
                                  {"c": customer}).scalar_one()
    assert rows == 1


_INSERT_GADGET = text("INSERT INTO gadgets (id, account_id, customer_id, name) VALUES (gen_random_uuid(), :a, :c, :n)")


def _generation(session, customer_id):
    return session.execute(text("SELECT generation FROM part_generations WHERE customer_id = :c"),
                           {"c": customer_id}).scalar_one_or_none()


def test_a_bulk_writer_marks_its_customers_once_after_its_statements(client, auth, database, account_id, customer):
    other = _known_customer(database, account_id)
    _gadgets(_part(client, auth, customer))
    with database.transaction(account_id=account_id) as session:
        before = _generation(session, customer)
        with part_store.marked_by_writer(session, lambda: [customer]):
            for name in ("Furnace", "Boiler"):
                session.execute(_INSERT_GADGET, {"a": account_id, "c": customer, "n": name})
            assert _generation(session, customer) == before  # the triggers left it to the writer
        marked = _generation(session, customer)
        assert marked != before
        session.execute(_INSERT_GADGET, {"a": account_id, "c": other, "n": "Attic fan"})
        assert _generation(session, other) is not None  # after the block, a statement marks its customers again
    assert _gadgets(_part(client, auth, customer)) == ["Boiler", "Furnace"]


def test_a_statement_failing_inside_the_bulk_writers_block_raises_its_own_error(database, account_id, customer):
    from sqlalchemy.exc import IntegrityError
    with pytest.raises(IntegrityError, match="not-null"):
        with database.transaction(account_id=account_id) as session:
            with part_store.marked_by_writer(session, lambda: [customer]):
                session.execute(_INSERT_GADGET, {"a": account_id, "c": customer, "n": None})
    with database.transaction(account_id=account_id) as session:  # the setting went with the rollback
        session.execute(_INSERT_GADGET, {"a": account_id, "c": customer, "n": "Boiler"})
        assert _generation(session, customer) is not None


def test_every_account_owned_table_of_the_toy_is_watched(database):
    assert unwatched_tables(database, "known_customers") == set()


def test_a_changed_source_file_changes_the_fingerprint_of_stored_parts(tmp_path, monkeypatch):
    package = tmp_path / "fingerprinted"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "views.py").write_text("SHAPE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.import_module("fingerprinted.views")
    try:
        before = _code_fingerprint("fingerprinted")
        (package / "views.py").write_text("SHAPE = 2\n")
        _code_fingerprint.cache_clear()
        assert _code_fingerprint("fingerprinted") != before
    finally:
        _code_fingerprint.cache_clear()
        for name in [name for name in sys.modules if name.startswith("fingerprinted")]:
            del sys.modules[name]


def test_a_row_under_a_record_of_no_customer_is_written_and_stales_nothing(app, client, auth, database, account_id,
                                                                          customer):
    _part(client, auth, customer)
    _add_gadget(database, account_id, None, "in stock", parts=["valve"])  # no error from the trigger
    with sent_statements(app) as sent:
        _part(client, auth, customer)
    assert len(sent) == 1
