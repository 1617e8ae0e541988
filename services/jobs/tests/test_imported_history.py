"""history.imported: a past system's job is kept once, completed on its day, marked imported, seen by its account."""
import uuid

import pytest

ADDRESS = {"line1": "4812 Ridgeview Dr", "line2": None, "city": "Austin", "region": "TX", "postal_code": "78731",
           "country": "US"}


@pytest.fixture
def imported(event, account_id):
    """``imported(customer_id, **job)`` → a history.imported envelope whose row holds a past job (a new id unless
    given) and its invoice; ``invoice_only=True`` for a row without a job."""

    def make(customer_id, *, invoice_only=False, **job) -> dict:
        envelope = event("history.imported", account_id, customer_id=customer_id)
        if invoice_only:
            envelope["data"]["job"] = None
            envelope["data"]["invoice"]["job_id"] = None
            return envelope
        envelope["data"]["job"].update({"id": str(uuid.uuid4()), **job})
        envelope["data"]["invoice"]["job_id"] = envelope["data"]["job"]["id"]
        return envelope

    return make


def customer_with_property(new_customer):
    property_id = str(uuid.uuid4())
    return new_customer(properties=[{"id": property_id, "address": ADDRESS}]), property_id


def jobs_of(client, auth, customer_id):
    answer = client.get(f"/customers/{customer_id}/jobs", query_string={"limit": 100}, headers=auth)
    assert answer.status_code == 200, answer.json
    return answer.json["items"]


def test_a_past_job_is_kept_completed_on_its_day_marked_imported_and_announced(
        app, client, auth, account_id, new_customer, deliver, imported, emitted):
    customer_id, property_id = customer_with_property(new_customer)
    envelope = imported(customer_id, property_id=property_id)
    assert deliver(app, envelope)

    job_id = envelope["data"]["job"]["id"]
    job = client.get(f"/jobs/{job_id}", headers=auth).json
    assert job["id"] == job_id and job["customer_id"] == customer_id
    assert job["number"].startswith("J-")
    assert (job["status"], job["completed_at"]) == ("completed", "2024-04-18T12:00:00+00:00")
    assert job["title"] == "Spring AC tune-up"
    assert job["description"] == "Replaced the filter; cleaned the condenser coil."
    assert (job["imported_from"], job["source_number"]) == ("Jobber", "1042")
    assert job["technicians"] == ["Sam Ortiz"] and job["technician_ids"] == []
    assert job["property_id"] == property_id and job["property_address"] == "4812 Ridgeview Dr, Austin, TX 78731"
    assert job["currency"] == "USD" and job["line_items"] == []

    created = emitted(app, account_id, "job.created")
    assert [e["data"]["job"]["id"] for e in created] == [job_id]
    assert created[0]["data"]["job"]["status"] == "completed"
    completed = emitted(app, account_id, "job.status_changed")
    assert [(e["data"]["job_id"], e["data"]["to"], e["data"]["completed_at"]) for e in completed] == [
        (job_id, "completed", "2024-04-18T12:00:00Z")]

    timeline = client.get(f"/customers/{customer_id}/activity", headers=auth).json["items"]
    assert [(item["title"], item["occurred_at"][:10]) for item in timeline] == [
        (f"Job {job['number']} imported from Jobber: Spring AC tune-up", "2024-04-18")]
    summary = client.get(f"/customers/{customer_id}/jobs/summary", headers=auth).json
    assert summary["open_count"] == 0 and summary["last_completed"]["id"] == job_id


def test_imported_jobs_list_among_native_ones_by_the_day_they_were_done(
        app, client, auth, new_customer, deliver, imported):
    customer_id = new_customer(properties=[])
    native = client.post("/jobs", json={"customer_id": customer_id, "title": "Furnace check"}, headers=auth).json
    older = imported(customer_id, completed_on="2023-02-01", source_number=None, title="Older")
    newer = imported(customer_id, completed_on="2024-06-30", title="Newer")
    assert deliver(app, older) and deliver(app, newer)

    listed = jobs_of(client, auth, customer_id)
    assert [job["title"] for job in listed] == ["Furnace check", "Newer", "Older"]
    assert [(job["imported_from"], job["source_number"]) for job in listed] == [
        (None, None), ("Jobber", "1042"), ("Jobber", None)]
    assert client.get(f"/jobs/{native['id']}", headers=auth).json["imported_from"] is None

    part = client.get(f"/customers/{customer_id}/workspace-part", query_string={"limit": 10, "activity_limit": 20},
                      headers=auth).json
    assert [(job["title"], job["imported_from"]) for job in part["jobs"]["items"]] == [
        ("Furnace check", None), ("Newer", "Jobber"), ("Older", "Jobber")]
    assert part["summary"]["last_completed"]["imported_from"] == "Jobber"
    assert part["summary"]["last_completed"]["title"] == "Newer"


def test_the_same_job_delivered_again_or_imported_again_is_kept_once(
        app, client, auth, account_id, new_customer, deliver, imported, emitted):
    customer_id = new_customer(properties=[])
    envelope = imported(customer_id)
    assert deliver(app, envelope)
    assert deliver(app, envelope) is False  # the same delivery: the inbox skips it
    again = {**envelope, "id": str(uuid.uuid4())}  # the same file imported again: a new event, the same job id
    again["data"] = {**envelope["data"], "row_number": 40}
    assert deliver(app, again)

    listed = jobs_of(client, auth, customer_id)
    assert [job["id"] for job in listed] == [envelope["data"]["job"]["id"]]
    assert len(emitted(app, account_id, "job.created")) == 1
    assert len(emitted(app, account_id, "job.status_changed")) == 1
    # Nothing was numbered for the second import: the next job takes the number right after.
    native = client.post("/jobs", json={"customer_id": customer_id, "title": "Next"}, headers=auth).json
    assert int(native["number"][2:]) == int(listed[0]["number"][2:]) + 1


def test_a_row_with_an_invoice_only_keeps_no_job(app, client, auth, account_id, new_customer, deliver, imported,
                                                 emitted):
    customer_id = new_customer(properties=[])
    assert deliver(app, imported(customer_id, invoice_only=True))
    assert jobs_of(client, auth, customer_id) == []
    assert emitted(app, account_id) == []


def test_a_property_not_known_as_the_customers_is_dropped(app, client, auth, new_customer, deliver, imported):
    customer_id = new_customer(properties=[])
    _, someone_elses = customer_with_property(new_customer)
    unknown = imported(customer_id, property_id=str(uuid.uuid4()))
    not_theirs = imported(customer_id, property_id=someone_elses)
    assert deliver(app, unknown) and deliver(app, not_theirs)
    for envelope in (unknown, not_theirs):
        job = client.get(f"/jobs/{envelope['data']['job']['id']}", headers=auth).json
        assert (job["property_id"], job["property_address"]) == (None, None)


def test_another_account_sees_nothing_of_it(app, client, auth, other_auth, new_customer, deliver, imported):
    customer_id = new_customer(properties=[])
    envelope = imported(customer_id)
    assert deliver(app, envelope)
    assert client.get(f"/jobs/{envelope['data']['job']['id']}", headers=other_auth).status_code == 404
    assert client.get(f"/customers/{customer_id}/jobs", headers=other_auth).status_code == 404
    assert client.get("/jobs", headers=other_auth).json["items"] == []


def test_a_customer_not_heard_of_yet_gets_the_job_and_is_asked_of_customers_when_read(
        app, client, auth, real_customer, deliver, imported):
    customer_id, _ = real_customer()
    envelope = imported(customer_id)
    assert deliver(app, envelope)
    assert [job["id"] for job in jobs_of(client, auth, customer_id)] == [envelope["data"]["job"]["id"]]


def test_a_job_of_a_customer_merged_away_goes_to_the_one_it_was_merged_into(
        app, client, auth, new_customer, deliver, imported):
    target = new_customer(properties=[])
    duplicate = new_customer(properties=[], merged_into=target)
    envelope = imported(duplicate)
    assert deliver(app, envelope)
    assert [job["id"] for job in jobs_of(client, auth, target)] == [envelope["data"]["job"]["id"]]
    assert jobs_of(client, auth, duplicate) == []
