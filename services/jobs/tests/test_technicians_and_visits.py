"""Technicians are records of the account (name, active, colour), assigned by id and shown by name; a job that
takes several trips keeps each visit, with its time, crew and outcome."""
import uuid


def _technician(client, auth, name="Sam Ortiz", colour="#2F80ED", **extra):
    response = client.post("/technicians", json={"name": name, "colour": colour, **extra}, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def _job(client, auth, customer_id, **fields):
    response = client.post("/jobs", json={"customer_id": customer_id, "title": "Attic insulation", **fields},
                           headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def test_technicians_are_listed_by_name_and_kept_per_account(client, auth, other_auth):
    priya, ben = _technician(client, auth, "Priya Nair", "#eb5757"), _technician(client, auth, "Ben Cole")
    assert priya == {"id": priya["id"], "name": "Priya Nair", "active": True, "colour": "#eb5757"}
    names = [t["name"] for t in client.get("/technicians", headers=auth).json["items"]]
    assert names == ["Ben Cole", "Priya Nair"]
    client.patch(f"/technicians/{ben['id']}", json={"active": False}, headers=auth)
    assert [t["name"] for t in client.get("/technicians", query_string={"active": "true"},
                                          headers=auth).json["items"]] == ["Priya Nair"]
    assert client.get(f"/technicians/{priya['id']}", headers=other_auth).status_code == 404
    assert client.get("/technicians", headers=other_auth).json["items"] == []


def test_a_colour_must_be_a_colour(client, auth):
    response = client.post("/technicians", json={"name": "Mia", "colour": "blue"}, headers=auth)
    assert response.status_code == 422 and "colour" in response.json["error"]["fields"]


def test_a_job_is_assigned_technicians_by_id_and_shows_their_names(client, auth, other_auth, customer_id):
    sam, mia = _technician(client, auth), _technician(client, auth, "Mia Chen")
    job = _job(client, auth, customer_id, technician_ids=[mia["id"], sam["id"]])
    assert job["technicians"] == ["Mia Chen", "Sam Ortiz"] and job["technician_ids"] == [mia["id"], sam["id"]]
    edited = client.patch(f"/jobs/{job['id']}", json={"technician_ids": [sam["id"]]}, headers=auth).json
    assert edited["technicians"] == ["Sam Ortiz"]


def test_an_unknown_another_accounts_or_inactive_technician_is_refused(client, auth, customer_id, make_token):
    theirs = client.post("/technicians", json={"name": "Elsewhere", "colour": "#000000"},
                         headers={"Authorization": f"Bearer {make_token(uuid.uuid4())}"}).json
    retired = _technician(client, auth, "Retired Ray", active=False)
    for ids in ([str(uuid.uuid4())], [theirs["id"]], [retired["id"]]):
        response = client.post("/jobs", json={"customer_id": customer_id, "title": "X", "technician_ids": ids},
                               headers=auth)
        assert response.status_code == 422 and "technician_ids" in response.json["error"]["fields"], ids
    assert client.post("/jobs", json={"customer_id": customer_id, "title": "X", "technicians": ["Free text"]},
                       headers=auth).status_code == 422


def test_a_job_keeps_its_visits_with_their_crews_and_outcomes(client, auth, customer_id):
    sam = _technician(client, auth)
    job = _job(client, auth, customer_id, scheduled_start="2025-02-03T09:00:00Z")
    second = client.post(f"/jobs/{job['id']}/visits", json={"scheduled_start": "2025-02-10T09:00:00Z",
                                                            "technician_ids": [sam["id"]]}, headers=auth)
    first = client.post(f"/jobs/{job['id']}/visits", json={"scheduled_start": "2025-02-03T09:00:00Z",
                                                           "scheduled_end": "2025-02-03T12:00:00Z"}, headers=auth)
    assert second.status_code == 201 and second.json["technicians"] == ["Sam Ortiz"], second.json
    made = client.post(f"/jobs/{job['id']}/visits/{first.json['id']}/status",
                       json={"to": "completed", "at": "2025-02-03T11:45:00Z"}, headers=auth)
    assert made.status_code == 200 and made.json["completed_at"] == "2025-02-03T11:45:00+00:00"
    visits = client.get(f"/jobs/{job['id']}/visits", headers=auth).json["items"]
    assert [(v["scheduled_start"], v["status"]) for v in visits] == [
        ("2025-02-03T09:00:00+00:00", "completed"), ("2025-02-10T09:00:00+00:00", "scheduled")]
    again = client.post(f"/jobs/{job['id']}/visits/{first.json['id']}/status", json={"to": "cancelled"}, headers=auth)
    assert again.status_code == 409
    history = client.get(f"/jobs/{job['id']}/history", headers=auth).json["items"]
    assert [c["to"]["status"] for c in history if c["field"] == "visit"] == ["scheduled", "scheduled", "completed"]


def test_visits_of_another_accounts_job_are_404(client, auth, other_auth, customer_id):
    job = _job(client, auth, customer_id)
    assert client.get(f"/jobs/{job['id']}/visits", headers=other_auth).status_code == 404
    assert client.post(f"/jobs/{job['id']}/visits", json={"scheduled_start": "2025-02-03T09:00:00Z"},
                       headers=other_auth).status_code == 404


def test_a_closed_job_takes_no_more_visits(client, auth, customer_id):
    job = _job(client, auth, customer_id)
    client.post(f"/jobs/{job['id']}/status", json={"to": "cancelled"}, headers=auth)
    response = client.post(f"/jobs/{job['id']}/visits", json={"scheduled_start": "2025-02-03T09:00:00Z"},
                           headers=auth)
    assert response.status_code == 409
