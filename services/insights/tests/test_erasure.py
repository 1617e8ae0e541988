"""customer.erased in the read model: the pseudonym, no words about the person, money figures unchanged, and a
rebuild from the log that cannot bring the person back."""
import datetime as dt
import uuid

from chassis.testing.erasure import where_held
from insights.adapters.queries import load_facts
from insights.service_layer.rebuild import rebuild

UTC = dt.timezone.utc
STORY_NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _facts(app, account_id, customer_id):
    with app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        return load_facts(session, uuid.UUID(customer_id), STORY_NOW)


def test_the_read_model_forgets_the_person_and_keeps_the_money(app, client, auth, deliver, make_event, account_id,
                                                              clock):
    tag = uuid.uuid4().hex[:10]
    name, customer_id, job = f"Hyacinth Bucketworth{tag}", str(uuid.uuid4()), str(uuid.uuid4())
    at = clock.now - dt.timedelta(days=10)
    events = [
        make_event(account_id, "customer.created", at, customer={"id": customer_id, "display_name": name,
                                                                 "lead_source": f"Friend {tag}"}),
        make_event(account_id, "job.created", at, job={"id": job, "customer_id": customer_id,
                                                       "title": f"Boiler for {name}"}),
        make_event(account_id, "invoice.created", at, invoice={"id": str(uuid.uuid4()), "customer_id": customer_id,
                                                               "job_id": job}),
        make_event(account_id, "communication.logged", at, communication={
            "id": str(uuid.uuid4()), "customer_id": customer_id, "channel": "email", "occurred_at": at}),
        make_event(account_id, "review.received", at, review_id=str(uuid.uuid4()), job_id=job,
                   customer_id=customer_id, job_title=f"Boiler for {name}", comment=f"Thanks {tag}"),
    ]
    for envelope in events:
        assert deliver(app, envelope)
    client.get(f"/customers/{customer_id}/insights", headers=auth)  # a stored answer
    before = _facts(app, account_id, customer_id)
    engine = app.extensions["fieldwork"].database.engine
    with engine.connect() as connection:
        assert where_held(connection, [name, tag])

    erased = make_event(account_id, "customer.erased", clock.now, customer_id=customer_id, merged_ids=[])
    assert deliver(app, erased) and not deliver(app, erased)

    with engine.connect() as connection:
        assert where_held(connection, [name, tag]) == []
    after = _facts(app, account_id, customer_id)
    assert after.profile.display_name == erased["data"]["pseudonym"]
    assert after.money == before.money and after.jobs_by_status == before.jobs_by_status

    rebuild(app.extensions["fieldwork"].database, [account_id])
    with engine.connect() as connection:
        assert where_held(connection, [name, tag]) == []
    rebuilt = _facts(app, account_id, customer_id)
    assert rebuilt.profile.display_name == erased["data"]["pseudonym"] and rebuilt.money == before.money
    assert client.get(f"/customers/{customer_id}/insights", headers=auth).status_code == 200


def test_an_event_arriving_after_the_erasure_is_emptied_as_it_is_applied(app, deliver, make_event, account_id,
                                                                         clock):
    tag = uuid.uuid4().hex[:10]
    customer_id = str(uuid.uuid4())
    assert deliver(app, make_event(account_id, "customer.erased", clock.now, customer_id=customer_id,
                                   merged_ids=[]))
    late = [make_event(account_id, "customer.created", clock.now - dt.timedelta(days=3), revision=1,
                       customer={"id": customer_id, "display_name": f"Late Name {tag}"}),
            make_event(account_id, "job.created", clock.now - dt.timedelta(days=2),
                       job={"id": str(uuid.uuid4()), "customer_id": customer_id, "title": f"Late job {tag}"})]
    for envelope in late:
        assert deliver(app, envelope)
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        assert where_held(connection, [tag]) == []
    assert _facts(app, account_id, customer_id).profile.display_name.startswith("Erased customer")
