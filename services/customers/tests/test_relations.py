"""Related customers: a link read from both ends with its own wording, refused links, merge and erasure."""
import uuid

import pytest


def link(client, auth, customer, related, kind):
    return client.post(f"/customers/{customer['id']}/relations", json={"related_id": related["id"], "kind": kind},
                       headers=auth)


def relations(client, auth, customer) -> list[tuple]:
    response = client.get(f"/customers/{customer['id']}/relations", headers=auth)
    assert response.status_code == 200
    return [(r["label"], r["customer"]["display_name"]) for r in response.json["items"]]


def test_a_link_reads_from_both_ends_in_their_own_words(client, auth, create):
    tenant, manager, payer = create("Tia Tenant"), create("Acme Property Mgmt"), create("Parent Corp")
    assert link(client, auth, tenant, manager, "tenant").status_code == 201
    made = link(client, auth, tenant, payer, "bill_to")
    assert made.status_code == 201
    assert made.json["role"] == "billed_to" and made.json["customer"]["display_name"] == "Parent Corp"
    assert relations(client, auth, tenant) == [("Tenant of", "Acme Property Mgmt"), ("Billed to", "Parent Corp")]
    assert relations(client, auth, manager) == [("Property manager of", "Tia Tenant")]
    assert relations(client, auth, payer) == [("Bill-to of", "Tia Tenant")]


def test_household_reads_the_same_from_both_ends(client, auth, create):
    one, two = create("Ann Household"), create("Bob Household")
    assert link(client, auth, one, two, "household").status_code == 201
    assert relations(client, auth, one) == [("Household member", "Bob Household")]
    assert relations(client, auth, two) == [("Household member", "Ann Household")]
    assert link(client, auth, two, one, "household").status_code == 422  # already linked, from the other end


@pytest.mark.parametrize("case", ["self", "twice", "reversed", "unknown", "bad_kind"])
def test_links_that_make_no_sense_are_refused(client, auth, create, case):
    one, two = create("One"), create("Two")
    assert link(client, auth, one, two, "bill_to").status_code == 201
    customer, related, kind = {"self": (one, one, "bill_to"), "twice": (one, two, "bill_to"),
                               "reversed": (two, one, "bill_to"), "unknown": (one, {"id": str(uuid.uuid4())}, "tenant"),
                               "bad_kind": (one, two, "cousin")}[case]
    response = link(client, auth, customer, related, kind)
    assert response.status_code == 422
    assert len(relations(client, auth, one)) == 1


def test_removing_a_link_removes_it_from_both_ends(client, auth, create):
    one, two, three = create("One"), create("Two"), create("Three")
    relation = link(client, auth, one, two, "tenant").json
    assert client.delete(f"/customers/{three['id']}/relations/{relation['id']}", headers=auth).status_code == 404
    assert client.delete(f"/customers/{two['id']}/relations/{relation['id']}", headers=auth).status_code == 204
    assert relations(client, auth, one) == [] and relations(client, auth, two) == []


def test_another_account_sees_no_links(client, auth, create, other_auth):
    one, two = create("One"), create("Two")
    link(client, auth, one, two, "household")
    assert client.get(f"/customers/{one['id']}/relations", headers=other_auth).status_code == 404
    assert link(client, other_auth, one, two, "household").status_code == 404


def test_merge_moves_the_duplicates_links_and_drops_a_self_link(client, auth, create):
    survivor, duplicate, payer, tenant = create("Dana"), create("Dana W"), create("Payer"), create("Tenant")
    link(client, auth, duplicate, payer, "bill_to")
    link(client, auth, tenant, duplicate, "tenant")
    link(client, auth, survivor, duplicate, "household")  # becomes a self-link
    link(client, auth, survivor, payer, "bill_to")         # the survivor holds it already: kept once
    assert client.post(f"/customers/{survivor['id']}/merge", json={"duplicate_id": duplicate["id"]},
                       headers=auth).status_code == 201
    assert sorted(relations(client, auth, survivor)) == [("Billed to", "Payer"), ("Property manager of", "Tenant")]
    assert relations(client, auth, payer) == [("Bill-to of", "Dana")]
    assert relations(client, auth, tenant) == [("Tenant of", "Dana")]


def test_erasure_removes_every_link(client, auth, create):
    erased, payer = create("Oswin Pettigrew"), create("Payer")
    link(client, auth, erased, payer, "bill_to")
    response = client.post(f"/customers/{erased['id']}/erase", headers=auth, json={"confirm_name": "Oswin Pettigrew"})
    assert response.status_code in (200, 201), response.json
    assert relations(client, auth, payer) == []
