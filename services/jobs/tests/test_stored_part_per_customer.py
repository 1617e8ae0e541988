"""A write about one customer leaves the other customers' stored parts stored: history rows name their customer."""
import uuid

from sqlalchemy import text

from chassis.testing.statements import sent_statements

PART = "/customers/{}/workspace-part"


def _ask(client, auth, customer):
    response = client.get(PART.format(customer), headers=auth)
    assert response.status_code == 200, response.get_json()
    return response


def _post(client, auth, path, body, method="post"):
    response = getattr(client, method)(path, json=body, headers=auth)
    assert response.status_code in (200, 201), response.get_json()
    return response.get_json()


def test_writes_about_another_customer_leave_this_customers_part_stored(app, client, auth, new_customer):
    this, other = new_customer(name="This one"), new_customer(name="Another")
    stored = _ask(client, auth, this)
    # Each writes history rows (job, estimate and plan, created and moved) about the other customer only.
    job = _post(client, auth, "/jobs", {"customer_id": other, "title": "Leak"})
    _post(client, auth, f"/jobs/{job['id']}", {"title": "Leak, kitchen"}, method="patch")
    estimate = _post(client, auth, "/estimates", {"customer_id": other, "title": "Door"})
    _post(client, auth, f"/estimates/{estimate['id']}/status", {"to": "sent"})
    plan = _post(client, auth, "/plans", {"customer_id": other, "name": "Lawn", "price_per_visit_cents": 100,
                                          "rrule": "FREQ=WEEKLY", "starts_at": "2099-01-06T14:00:00Z"})
    _post(client, auth, f"/plans/{plan['id']}/status", {"to": "active"})
    with sent_statements(app) as sent:
        again = _ask(client, auth, this)
    assert len(sent) == 1 and again.data == stored.data


def test_a_history_row_names_its_records_customer(app, client, auth, account_id, customer_id):
    job = _post(client, auth, "/jobs", {"customer_id": customer_id, "title": "Leak"})
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        named = set(connection.scalars(text("SELECT customer_id FROM changes WHERE record_id = :r"),
                                       {"r": uuid.UUID(job["id"])}))
    assert named == {uuid.UUID(customer_id)}
