"""A page's list items read in one statement show exactly what the same customers loaded through the ORM show."""
import uuid

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from customers.adapters.orm import Contact, Customer
from customers.adapters.queries import load_summaries
from customers.service_layer import presenters
from customers.entrypoints.http.schemas.responses import CustomerSummaryOut

ADDRESS = {"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX", "postal_code": "78731"}


def through_the_orm(session, ids) -> dict:
    customers = session.scalars(select(Customer).where(Customer.id.in_(ids)).options(
        selectinload(Customer.contacts).selectinload(Contact.emails),
        selectinload(Customer.contacts).selectinload(Contact.phones),
        selectinload(Customer.properties), selectinload(Customer.tags)))
    return {c.id: CustomerSummaryOut().dump(presenters.summary(c)) for c in customers}


def test_the_view_equals_the_orm(app, client, auth, create, account_id):
    everything = create("Hill Country Dental", kind="commercial", company="HCD", tags=["zeta", "Alpha", "mid"],
                        do_not_service={"flag": True, "reason": "Unpaid"}, next_follow_up_at="2026-12-01T15:00:00Z",
                        contacts=[{"name": "Ana", "emails": ["b@hcd.com", "a@hcd.com"],
                                   "phones": [{"number": "512-555-0142 x12", "label": "work"},
                                              {"number": "512-555-0100"}]},
                                  {"name": "Bo", "is_primary": True, "emails": ["bo@hcd.com"]}, {"name": "Cy"}],
                        properties=[{**ADDRESS, "line2": "Suite 4"}, {**ADDRESS, "line1": "9 Lake Rd"}])
    phone_of_another = create("Ann Lee",
                              contacts=[{"name": "Ann"}, {"name": "Tom", "phones": [{"number": "5125550111"}]}])
    bare = create("Bare Person")
    archived = create("Old Owner", properties=[ADDRESS])
    client.post(f"/customers/{archived['id']}/archive", headers=auth)
    ids = [uuid.UUID(c["id"]) for c in (everything, phone_of_another, bare, archived)]
    database = app.extensions["fieldwork"].database
    with database.transaction(account_id=account_id) as session:
        expected = through_the_orm(session, ids)
        found = {i: CustomerSummaryOut().dump(presenters.summary(c)) for i, c in load_summaries(session, ids).items()}
    assert found == expected
    # the example really holds what is compared
    first = expected[ids[0]]
    assert first["primary_email"] == "bo@hcd.com" and first["primary_phone"]["extension"] == "12"
    assert first["tags"] == ["Alpha", "mid", "zeta"] and first["primary_address"]["line2"] == "Suite 4"
    assert expected[ids[1]]["primary_phone"]["e164"] == "+15125550111" and expected[ids[3]]["archived"]
    assert expected[ids[2]]["primary_email"] is None and expected[ids[2]]["primary_address"] is None


def test_another_accounts_customers_are_left_out(app, create, other_auth, account_id):
    theirs = uuid.UUID(create("Ruth Adler", headers=other_auth)["id"])
    with app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        assert load_summaries(session, [theirs]) == {}
