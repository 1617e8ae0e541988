"""A low rating raises a follow-up card citing the review and its job; a good one does not, a newer good rating
or thirty days take it away."""
import datetime as dt
import uuid

DAY = dt.timedelta(days=1)


def review(make_event, account_id, customer_id, at, rating, comment="Left a mess in the garage.", number="J-1019"):
    return make_event(account_id, "review.received", at, review_id=str(uuid.uuid4()), customer_id=customer_id,
                      job_id=str(uuid.uuid4()), job_number=number, rating=rating, comment=comment, received_at=at)


def cards(client, auth, customer_id):
    response = client.get(f"/customers/{customer_id}/insights", headers=auth)
    assert response.status_code == 200, response.json
    return {card["kind"]: card for card in response.json["cards"]}


def test_a_low_rating_asks_for_a_follow_up_citing_the_review(app, client, auth, deliver, make_event, account_id,
                                                             clock, active_customer):
    event = review(make_event, account_id, active_customer, clock.now - DAY, 2)
    assert deliver(app, event)
    card = cards(client, auth, active_customer)["review_follow_up"]
    assert card["title"] == "Follow up on a 2★ review of J-1019"
    assert "rated job J-1019 2 out of 5" in card["reason"] and "Left a mess in the garage." in card["reason"]
    assert card["facts"] == [event["data"]["review_id"], event["data"]["job_id"]]
    job_id = event["data"]["job_id"]
    assert card["link"] == {"kind": "job", "id": job_id, "href": f"/api/jobs/{job_id}"}


def test_a_good_rating_asks_nothing(app, client, auth, deliver, make_event, account_id, clock, active_customer):
    assert deliver(app, review(make_event, account_id, active_customer, clock.now - DAY, 4, comment=None))
    assert "review_follow_up" not in cards(client, auth, active_customer)


def test_a_newer_good_rating_or_thirty_days_take_the_card_away(app, client, auth, deliver, make_event, account_id,
                                                               clock, active_customer):
    assert deliver(app, review(make_event, account_id, active_customer, clock.now - 2 * DAY, 1, comment=None))
    assert "without a comment" in cards(client, auth, active_customer)["review_follow_up"]["reason"]
    assert deliver(app, review(make_event, account_id, active_customer, clock.now - DAY, 5, number="J-1020"))
    assert "review_follow_up" not in cards(client, auth, active_customer)

    assert deliver(app, review(make_event, account_id, active_customer, clock.now, 2, number="J-1021"))
    assert cards(client, auth, active_customer)["review_follow_up"]["title"].endswith("J-1021")
    clock.now += 30 * DAY - dt.timedelta(seconds=1)
    assert "review_follow_up" in cards(client, auth, active_customer)
    clock.now += dt.timedelta(seconds=1)
    assert "review_follow_up" not in cards(client, auth, active_customer)
