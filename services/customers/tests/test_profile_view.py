"""The one-statement profile read answers exactly what the same customer loaded through the ORM shows."""
import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from customers.adapters.orm import Contact, Customer, Note, Property
from customers.adapters.queries import PINNED_NOTES, load_profile
from customers.service_layer import presenters
from customers.entrypoints.http.schemas.responses import CustomerOut

ADDRESS = {"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX", "postal_code": "78731"}


def through_the_orm(session, customer_id) -> dict:
    """The reference: the models with every relationship loaded, and the newest pinned notes."""
    customer = session.scalars(select(Customer).where(Customer.id == customer_id).options(
        selectinload(Customer.contacts).selectinload(Contact.emails),
        selectinload(Customer.contacts).selectinload(Contact.phones),
        selectinload(Customer.properties).selectinload(Property.equipment), selectinload(Customer.tags))).one()
    pinned = session.scalars(select(Note).where(Note.customer_id == customer_id, Note.pinned.is_(True))
                             .order_by(Note.created_at.desc(), Note.id.desc()).limit(PINNED_NOTES)).all()
    return CustomerOut().dump(presenters.profile(customer, pinned))


def test_the_view_equals_the_orm_for_a_customer_with_everything(app, client, auth, create, account_id):
    customer = create("Hill Country Dental", kind="commercial", company="HCD", tags=["zeta", "Alpha", "mid"],
                      do_not_service={"flag": True, "reason": "Unpaid"}, preferred_channel="sms",
                      next_follow_up_at="2026-12-01T15:00:00Z",
                      contacts=[{"name": "Ana", "emails": ["b@hcd.com", "a@hcd.com"],
                                 "phones": [{"number": "512-555-0142", "label": "work"}, {"number": "512-555-0100"}]},
                                {"name": "Bo", "is_primary": True, "emails": ["bo@hcd.com"]}, {"name": "Cy"}],
                      properties=[ADDRESS, {**ADDRESS, "line1": "1 Nowhere Lane"}, {**ADDRESS, "line1": "9 Lake Rd"}])
    cid = customer["id"]
    props = [p["id"] for p in customer["properties"]]
    for kind in ("furnace", "heat_pump"):
        client.post(f"/customers/{cid}/properties/{props[0]}/equipment", headers=auth,
                    json={"kind": kind, "serial": "X1", "installed_on": "2019-04-02", "warranty_until": "2029-04-02"})
    client.post(f"/customers/{cid}/properties/{props[2]}/equipment", json={"kind": "furnace"}, headers=auth)
    for i in range(PINNED_NOTES + 3):
        client.post(f"/customers/{cid}/notes", json={"body": f"note {i}", "pinned": i != 4}, headers=auth)
    database = app.extensions["fieldwork"].database
    with database.transaction(account_id=account_id) as session:
        # Values whose text forms are easy to get wrong: a float that needs 17 digits, microseconds, no fraction.
        prop = session.get(Property, uuid.UUID(props[2]))
        prop.latitude, prop.longitude = 0.30000000000000004, -97.74306079999999
        prop.geocoded_at = dt.datetime(2026, 11, 2, 14, 3, 6, 120034, tzinfo=dt.timezone.utc)
        contacted = dt.datetime(2026, 11, 2, 14, 3, tzinfo=dt.timezone.utc)
        session.get(Customer, uuid.UUID(cid)).last_contacted_at = contacted
    with database.transaction(account_id=account_id) as session:
        expected = through_the_orm(session, uuid.UUID(cid))
        found = load_profile(session, uuid.UUID(cid))
    assert CustomerOut().dump(presenters.profile(*found)) == expected
    assert client.get(f"/customers/{cid}", headers=auth).json == expected
    # the example really holds what is compared
    assert len(expected["pinned_notes"]) == PINNED_NOTES and expected["primary_email"] == "bo@hcd.com"
    assert [len(p["equipment"]) for p in expected["properties"]] == [2, 0, 1]
    assert {p["geocode"]["status"] for p in expected["properties"]} == {"geocoded", "not_found"}
    assert expected["properties"][2]["geocode"]["latitude"] == 0.30000000000000004
    ana = next(c for c in expected["contacts"] if c["name"] == "Ana")
    assert ana["emails"] == ["b@hcd.com", "a@hcd.com"] and expected["tags"] == ["Alpha", "mid", "zeta"]


def test_no_customer_or_another_accounts_is_none(app, create, account_id):
    cid = uuid.UUID(create()["id"])
    database = app.extensions["fieldwork"].database
    with database.transaction(account_id=uuid.uuid4()) as session:
        assert load_profile(session, cid) is None
    with database.transaction(account_id=account_id) as session:
        assert load_profile(session, uuid.uuid4()) is None and load_profile(session, cid) is not None
