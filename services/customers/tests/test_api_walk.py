"""The customers API walked from its own document: generated inputs, another account's ids, each permission."""
from __future__ import annotations

import uuid

import pytest

from chassis.testing.api_walk import Form, Seeder, WalkTests, service_walk

ADDRESS = {"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX", "postal_code": "78731"}
# A one-row export in the Jobber layout, written here so the walk has an import to reach.
EXPORT = (b"Client ID,First Name,Last Name,Company Name,E-mail,Main Phone #,Billing Street 1,Billing City,"
          b"Billing State,Billing Zip code\r\nJ-1,Ada,Walker,,ada@example.com,512-555-0101,1 Elm St,Austin,TX,"
          b"78701\r\n")


def seed(api: Seeder) -> None:
    """One record of every kind the customers service keeps, through its API (and the events it consumes)."""
    customer = api.post("/customers", {"display_name": "Dana Whitfield", "tags": ["vip"], "lead_source": "Referral"})
    api.ids.update(customer_id=customer["id"], tag="vip")
    contact = api.post("/customers/{customer_id}/contacts", {
        "name": "Dana", "emails": ["dana@example.com"], "phones": [{"number": "512-555-0142", "label": "mobile"}]})
    api.ids["contact_id"] = contact["id"]
    prop = api.post("/customers/{customer_id}/properties", ADDRESS)
    api.ids["property_id"] = prop["id"]
    equipment = api.post("/customers/{customer_id}/properties/{property_id}/equipment",
                         {"kind": "furnace", "make": "Lennox", "installed_on": "2019-04-02"})
    api.ids["equipment_id"] = equipment["id"]
    communication = api.event("communication.logged", communication={"id": str(uuid.uuid4()),
                                                                      "customer_id": customer["id"]})
    api.ids["communication_id"] = communication["data"]["communication"]["id"]
    note = api.post("/customers/{customer_id}/notes", {"body": "Gate code 4411", "pinned": True})
    api.ids["note_id"] = note["id"]
    api.post("/customers/{customer_id}/tags", {"tag": "Net 30"})
    api.post("/customers/{customer_id}/status", {"to": "prospect", "reason": "Called back"})
    api.post("/customers/{customer_id}/portal-invites", {"email": "dana@example.com"})
    duplicate = api.post("/customers", {"display_name": "Dana W."})
    api.ids["duplicate_id"] = duplicate["id"]
    merge = api.post("/customers/{customer_id}/merge", {"duplicate_id": duplicate["id"]})
    api.ids["merge_id"] = merge["id"]
    related = api.post("/customers", {"display_name": "Parent Holdings"})
    api.ids["related_id"] = related["id"]
    relation = api.post("/customers/{customer_id}/relations", {"related_id": related["id"], "kind": "bill_to"})
    api.ids["relation_id"] = relation["id"]
    api.event("plan.created", plan={"id": str(uuid.uuid4()), "customer_id": customer["id"], "status": "active"})
    uploaded = api.post("/imports", Form({"file": (EXPORT, "jobber.csv"), "layout": "jobber"}))
    api.ids["import_id"] = uploaded["import"]["id"]
    for template, body in (("/customers/{customer_id}", {"company": "Whitfield HVAC"}),
                           ("/customers/{customer_id}/contacts/{contact_id}", {"role": "Owner"}),
                           ("/customers/{customer_id}/properties/{property_id}", {"access_notes": "Gate 4321"}),
                           ("/customers/{customer_id}/properties/{property_id}/equipment/{equipment_id}",
                            {"model": "SL280"}),
                           ("/customers/{customer_id}/notes/{note_id}", {"body": "Gate code 4412"})):
        api.call("PATCH", template, body)


@pytest.fixture(scope="module")
def walk(app):
    return service_walk(app, seed)


class TestApiWalk(WalkTests):
    """Schemathesis, tenancy and permission walks of this service's document, seeded above."""
