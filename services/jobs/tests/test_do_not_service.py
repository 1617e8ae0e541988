"""Do-not-service: new jobs, estimates and plan visits for a flagged customer are refused (409, the flag's reason)
unless the request carries an override with its own reason, kept in the history; active plans pause."""
REASON = "Threatened a technician"
PLAN = {"name": "Quarterly pest control", "price_per_visit_cents": 9000, "rrule": "FREQ=MONTHLY;INTERVAL=3",
        "starts_at": "2027-01-05T09:00:00Z"}


def _flag(app, deliver, event, account_id, customer_id, *, revision=2):
    envelope = event("customer.updated", account_id)
    envelope["data"]["customer"].update(id=customer_id, do_not_service=True, do_not_service_reason=REASON)
    envelope["data"].update(revision=revision, changed=["do_not_service", "do_not_service_reason"])
    assert deliver(app, envelope)


def test_new_work_for_a_flagged_customer_is_refused_with_the_reason(app, client, auth, deliver, event, account_id,
                                                                    customer_id):
    _flag(app, deliver, event, account_id, customer_id)
    for path, body in (("/jobs", {"title": "Tune-up"}), ("/estimates", {"title": "New furnace"}), ("/plans", PLAN)):
        response = client.post(path, json={"customer_id": customer_id, **body}, headers=auth)
        assert response.status_code == 409, (path, response.json)
        assert REASON in response.json["error"]["message"]
        assert response.json["error"]["do_not_service_reason"] == REASON
    assert client.get(f"/customers/{customer_id}/jobs", headers=auth).json["items"] == []
    assert client.get(f"/customers/{customer_id}/estimates", headers=auth).json["items"] == []


def test_an_override_with_its_reason_opens_the_work_and_is_kept_in_its_history(app, client, auth, deliver, event,
                                                                               account_id, customer_id):
    _flag(app, deliver, event, account_id, customer_id)
    override = {"do_not_service_override": {"reason": "Owner approved one last visit"}}
    for path, body, kind in (("/jobs", {"title": "Tune-up"}, "jobs"), ("/estimates", {"title": "Furnace"}, "estimates"),
                             ("/plans", PLAN, "plans")):
        response = client.post(path, json={"customer_id": customer_id, **body, **override}, headers=auth)
        assert response.status_code == 201, (path, response.json)
        history = client.get(f"/{kind}/{response.json['id']}/history", headers=auth).json["items"]
        assert [c["to"] for c in history if c["field"] == "do_not_service_override"] == [
            "Owner approved one last visit"]


def test_an_override_without_a_reason_is_refused(app, client, auth, deliver, event, account_id, customer_id):
    _flag(app, deliver, event, account_id, customer_id)
    empty = client.post("/jobs", json={"customer_id": customer_id, "title": "Tune-up",
                                       "do_not_service_override": {}}, headers=auth)
    assert empty.status_code == 422 and "do_not_service_override" in empty.json["error"]["fields"]


def test_a_customer_not_flagged_needs_no_override(client, auth, customer_id):
    response = client.post("/jobs", json={"customer_id": customer_id, "title": "Tune-up"}, headers=auth)
    assert response.status_code == 201


def test_flagging_pauses_active_plans_and_reactivating_needs_an_override(app, client, auth, deliver, event,
                                                                         account_id, customer_id):
    plan = client.post("/plans", json={"customer_id": customer_id, **PLAN, "status": "active"}, headers=auth).json
    _flag(app, deliver, event, account_id, customer_id)
    assert client.get(f"/plans/{plan['id']}", headers=auth).json["status"] == "paused"
    refused = client.post(f"/plans/{plan['id']}/status", json={"to": "active"}, headers=auth)
    assert refused.status_code == 409 and REASON in refused.json["error"]["message"]
    allowed = client.post(f"/plans/{plan['id']}/status",
                          json={"to": "active", "do_not_service_override": {"reason": "Contract to honour"}},
                          headers=auth)
    assert allowed.status_code == 200 and allowed.json["status"] == "active"

