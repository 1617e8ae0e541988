"""Estimates: numbers, totals, the status machine, expiry after valid_until, approval into a linked job."""
import datetime as dt

import pytest

from chassis.messaging.event import utcnow
from jobs.service_layer.scheduler import run_once


def quote(client, auth, customer_id, **extra):
    body = {"customer_id": customer_id, "title": "New garage door", "property_address": "9 Oak Ln",
            "line_items": [{"description": "Door", "quantity": 1, "unit_price_cents": 189900},
                           {"description": "Opener", "quantity": 2, "unit_price_cents": 34950}],
            "valid_until": (dt.date.today() + dt.timedelta(days=30)).isoformat(), **extra}
    response = client.post("/estimates", json=body, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def test_an_estimate_has_a_number_and_a_total(app, client, auth, customer_id, account_id, emitted):
    estimate = quote(client, auth, customer_id)
    assert estimate["number"] == "E-1001" and estimate["status"] == "draft" and estimate["total_cents"] == 259800
    assert quote(client, auth, customer_id)["number"] == "E-1002"
    assert [e["data"]["estimate"]["number"] for e in emitted(app, account_id, "estimate.created")] == ["E-1001",
                                                                                                       "E-1002"]


def test_sent_viewed_approved_with_a_job_linked_both_ways(app, client, auth, customer_id, account_id, emitted):
    estimate = quote(client, auth, customer_id)
    for to in ("sent", "viewed"):
        assert client.post(f"/estimates/{estimate['id']}/status", json={"to": to}, headers=auth).status_code == 200
    approved = client.post(f"/estimates/{estimate['id']}/approve",
                           json={"create_job": True, "scheduled_start": "2027-02-01T15:00:00Z"}, headers=auth)
    assert approved.status_code == 200 and approved.json["status"] == "approved"
    job = client.get(f"/jobs/{approved.json['job_id']}", headers=auth).json
    assert job["estimate_id"] == estimate["id"] and job["status"] == "scheduled"
    assert job["total_cents"] == 259800 and job["property_address"] == "9 Oak Ln"
    moves = emitted(app, account_id, "estimate.status_changed")
    assert [m["data"]["to"] for m in moves] == ["sent", "viewed", "approved"]
    assert moves[-1]["data"]["job_id"] == job["id"]
    assert emitted(app, account_id, "job.created")[0]["data"]["job"]["estimate_id"] == estimate["id"]


@pytest.mark.parametrize("path, body", [("status", {"to": "viewed"}), ("approve", {"create_job": True})])
def test_illegal_moves_are_409_and_change_nothing(client, auth, customer_id, path, body):
    estimate = quote(client, auth, customer_id)
    response = client.post(f"/estimates/{estimate['id']}/{path}", json=body, headers=auth)
    assert response.status_code == 409
    after = client.get(f"/estimates/{estimate['id']}", headers=auth).json
    assert after["status"] == "draft" and after["job_id"] is None
    assert client.get(f"/customers/{customer_id}/jobs", headers=auth).json["items"] == []


def test_expired_is_reached_by_time_never_by_hand(app, client, auth, customer_id, account_id, emitted):
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    estimate = quote(client, auth, customer_id, valid_until=yesterday)
    assert client.get(f"/estimates/{estimate['id']}", headers=auth).json["status"] == "expired"
    assert client.post(f"/estimates/{estimate['id']}/status", json={"to": "sent"}, headers=auth).status_code == 409
    assert client.post(f"/estimates/{estimate['id']}/status", json={"to": "expired"},
                       headers=auth).status_code == 422
    run_once(app.extensions["fieldwork"].database, now=utcnow(), horizon=dt.timedelta(days=1))
    [expired] = [e for e in emitted(app, account_id, "estimate.status_changed")]
    assert expired["data"]["from"] == "draft" and expired["data"]["to"] == "expired"


def test_bad_estimate_is_422_and_other_accounts_get_404(client, auth, other_auth, customer_id):
    response = client.post("/estimates", json={"customer_id": customer_id, "title": "x", "valid_until": "soon",
                                               "line_items": [{"description": "", "quantity": 0}]}, headers=auth)
    assert response.status_code == 422
    assert {"valid_until", "line_items"} <= set(response.json["error"]["fields"])
    estimate = quote(client, auth, customer_id)
    assert client.get(f"/estimates/{estimate['id']}", headers=other_auth).status_code == 404
    assert client.post(f"/estimates/{estimate['id']}/approve", json={}, headers=other_auth).status_code == 404
    assert client.post("/estimates", json={"customer_id": customer_id, "title": "x"},
                       headers=other_auth).status_code == 422


def test_a_draft_can_be_revised_a_sent_one_cannot(client, auth, customer_id):
    estimate = quote(client, auth, customer_id)
    revised = client.patch(f"/estimates/{estimate['id']}", headers=auth, json={
        "line_items": [{"description": "Door", "quantity": 1, "unit_price_cents": 150000}]})
    assert revised.status_code == 200 and revised.json["total_cents"] == 150000
    client.post(f"/estimates/{estimate['id']}/status", json={"to": "sent"}, headers=auth)
    refused = client.patch(f"/estimates/{estimate['id']}", json={"title": "Cheaper door"}, headers=auth)
    assert refused.status_code == 409
    assert client.get(f"/estimates/{estimate['id']}", headers=auth).json["title"] == "New garage door"


def test_an_estimates_history_shows_each_move_and_the_job_it_made(client, auth, other_auth, customer_id):
    estimate = quote(client, auth, customer_id)
    client.post(f"/estimates/{estimate['id']}/status", json={"to": "sent"}, headers=auth)
    approved = client.post(f"/estimates/{estimate['id']}/approve", json={}, headers=auth).json
    history = client.get(f"/estimates/{estimate['id']}/history", headers=auth).json["items"]
    assert [(c["field"], c["from"], c["to"]) for c in history] == [
        ("status", None, "draft"), ("status", "draft", "sent"), ("job_id", None, approved["job_id"]),
        ("status", "sent", "approved")]
    assert client.get(f"/estimates/{estimate['id']}/history", headers=other_auth).status_code == 404
