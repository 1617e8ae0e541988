"""Who did it: a job, its history and its changes show the user's display name, not a token subject."""


def test_a_job_and_its_history_show_who_by_name(client, make_token, account_id, customer_id):
    named = {"Authorization": f"Bearer {make_token(account_id, sub='6b0e0f7a-user', name='Dana Whitfield')}"}
    job = client.post("/jobs", json={"customer_id": customer_id, "title": "Tune-up"}, headers=named).json
    assert job["created_by"] == "Dana Whitfield"
    client.patch(f"/jobs/{job['id']}", json={"title": "Spring tune-up"}, headers=named)
    history = client.get(f"/jobs/{job['id']}/history", headers=named).json["items"]
    assert {change["changed_by"] for change in history} == {"Dana Whitfield"}
