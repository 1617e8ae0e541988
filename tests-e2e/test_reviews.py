"""Reviews across the whole system: a job completed in the office sends the customer a review request with a portal
link; the customer signs in with it and rates the job; the workspace shows the review, and a low rating raises a
follow-up card in insights. A customer who prefers texts gets the request by text."""
import email
import re
import uuid
from email import policy

import pytest
import requests

from polling import eventually

pytestmark = pytest.mark.system


def _customer(api, name, **fields):
    customer = api.post("/customers", expect=201, json={"display_name": name, **fields}).json()
    eventually(lambda: api.get(f"/customers/{customer['id']}/communications", expect=200))  # comms knows them
    return customer


def _complete_a_job(api, customer_id, title):
    job = api.post("/jobs", expect=201, json={"customer_id": customer_id, "title": title,
                                              "scheduled_start": "2027-02-01T14:00:00Z"}).json()
    for to in ("in_progress", "completed"):
        api.post(f"/jobs/{job['id']}/status", expect=200, json={"to": to})
    return job


def _mail_to(system, address):
    for message in system.smtp.messages:
        if address in message["to"]:
            return email.message_from_bytes(message["data"], policy=policy.default)
    return None


def _rate_through_the_portal(system, token, job_id, rating, comment):
    session = requests.post(f"{system.gateway.url}/api/portal/sessions", json={"token": token}, timeout=10)
    assert session.status_code == 201, session.text[:300]
    visitor = {"Authorization": f"Bearer {session.json()['session']}"}
    to_review = requests.get(f"{system.gateway.url}/api/portal/me", headers=visitor, timeout=10)
    assert to_review.status_code == 200, to_review.text[:300]
    review = requests.post(f"{system.gateway.url}/api/portal/jobs/{job_id}/review", headers=visitor, timeout=10,
                           json={"rating": rating, "comment": comment})
    assert review.status_code == 201, review.text[:300]
    again = requests.post(f"{system.gateway.url}/api/portal/jobs/{job_id}/review", headers=visitor, timeout=10,
                          json={"rating": 5, "comment": "Second thoughts"})
    assert again.status_code == 409, again.text[:300]
    return review.json()


def test_a_completed_job_is_rated_from_the_emailed_link_and_a_low_rating_raises_a_card(api, system):
    address = f"rowan.{uuid.uuid4().hex[:8]}@example.com"
    customer = _customer(api, "Rowan Hale", contacts=[{"name": "Rowan Hale", "emails": [address]}])
    job = _complete_a_job(api, customer["id"], "Replace garage door springs")

    mailed = eventually(lambda: _mail_to(system, address), seconds=30)
    assert mailed["Subject"] == f"How did we do on job {job['number']}?"
    body = mailed.get_body().get_content()
    link = re.search(r"https?://\S+/portal/magic/(\S+?)\?review=(\S+)", body)
    assert link is not None, body
    token, reviewed_job = link.group(1), link.group(2)
    assert reviewed_job == job["id"]
    # The office's feed shows the request, without the link that signs the customer in.
    [sent] = eventually(lambda: [c for c in api.get(f"/customers/{customer['id']}/communications", expect=200)
                                 .json()["items"] if c["status"] == "sent"])
    assert sent["subject"] == mailed["Subject"] and token not in str(sent)

    review = _rate_through_the_portal(system, token, job["id"], 2, "The springs squeak already.")
    assert (review["rating"], review["job_number"]) == (2, job["number"])

    def reviews_section():
        section = api.get(f"/customers/{customer['id']}/workspace", expect=200).json()["reviews"]
        return section if section["status"] == "ok" and section["data"]["summary"]["count"] == 1 else None
    section = eventually(reviews_section)
    assert section["data"]["summary"] == {"count": 1, "average": 2.0}
    [shown] = section["data"]["items"]
    assert (shown["job_number"], shown["job_title"], shown["comment"]) == (
        job["number"], "Replace garage door springs", "The springs squeak already.")
    timeline = api.get(f"/customers/{customer['id']}/workspace", expect=200).json()["timeline"]["items"]
    assert "Rated 2/5 — The springs squeak already." in [item["title"] for item in timeline]

    def follow_up_card():
        cards = api.get(f"/customers/{customer['id']}/insights", expect=200).json()["cards"]
        return next((card for card in cards if card["kind"] == "review_follow_up"), None)
    card = eventually(follow_up_card, seconds=30)
    assert card["title"] == f"Follow up on a 2★ review of {job['number']}"
    assert job["id"] in card["facts"] and card["link"]["href"] == f"/api/jobs/{job['id']}"


def test_a_customer_who_prefers_texts_is_asked_by_text_and_a_good_rating_raises_no_card(api, system):
    customer = _customer(api, "Sky Moreno", preferred_channel="sms",
                         contacts=[{"name": "Sky Moreno", "phones": [{"number": "+1 512 555 0163"}],
                                    "emails": [f"sky.{uuid.uuid4().hex[:8]}@example.com"]}])
    job = _complete_a_job(api, customer["id"], "Annual furnace tune-up")

    def texted():
        return [m for m in system.sms.sent if m.get("To") == "+15125550163" and job["number"] in m.get("Body", "")]
    [text] = eventually(texted, seconds=30)
    assert text["Body"].startswith(f"How did we do on job {job['number']}? Rate us: ")
    token = re.search(r"/portal/magic/(\S+?)\?review=" + job["id"], text["Body"]).group(1)

    _rate_through_the_portal(system, token, job["id"], 5, None)
    eventually(lambda: api.get(f"/customers/{customer['id']}/workspace", expect=200).json()["reviews"]["data"]
               ["summary"] == {"count": 1, "average": 5.0})
    eventually(lambda: any(item["kind"] == "review" for item in
                           api.get(f"/customers/{customer['id']}/workspace", expect=200).json()["timeline"]["items"]))
    def insights_heard_of_it():
        answer = api.get(f"/customers/{customer['id']}/insights", expect=200).json()
        latest = answer["facts"].get("latest_review")
        return answer if latest and latest["rating"] == 5 else None
    assert "review_follow_up" not in [card["kind"] for card in eventually(insights_heard_of_it, seconds=30)["cards"]]
