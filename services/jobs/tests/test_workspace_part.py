"""The jobs share of the customer workspace in one call: each section as its own endpoint answers it, 6 statements
(then kept in the part store: see test_stored_part.py)."""
import datetime as dt
import uuid

import pytest
from sqlalchemy import update

from chassis.testing.statements import sent_statements
from chassis.testing.workspace_part import PART, assert_403_with_only, assert_404_for_others
from jobs.adapters.orm import Job

UTC = dt.timezone.utc
# What the part holds, and the single endpoint (with its query) each section must equal.
SECTIONS = {"jobs": ("jobs", {"limit": 2}), "estimates": ("estimates", {"limit": 2}), "plans": ("plans", {"limit": 2}),
            "recent_activity": ("recent-activity", {}), "summary": ("jobs/summary", {}),
            "reviews": ("reviews", {"limit": 2}), "activity": ("activity", {"limit": 3})}
# The customer check, one statement for all the jobs lists and the open count, estimates, plans, reviews, timeline,
# and the latest photos with their count.
PART_STATEMENTS = 7


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def post(client, auth, path, body):
    response = client.post(path, json=body, headers=auth)
    assert response.status_code in (200, 201), response.json
    return response.json


def job(client, auth, customer_id, title, *moves, **extra):
    made = post(client, auth, "/jobs", {"customer_id": customer_id, "title": title, "property_address": "12 Elm St",
                                        **extra})
    for to in moves:
        post(client, auth, f"/jobs/{made['id']}/status", {"to": to})
    return made


def completed_days_ago(app, account_id, job_id, days):
    """Completion is stamped with the time of the move; a test that needs an older one writes it down."""
    with app.extensions["fieldwork"].database.transaction(account_id=uuid.UUID(str(account_id))) as session:
        session.execute(update(Job).where(Job.id == uuid.UUID(job_id))
                        .values(completed_at=dt.datetime.now(UTC) - dt.timedelta(days=days)))


@pytest.fixture
def busy_customer(app, client, auth, account_id, customer_id):
    """A customer with more than a page of everything: jobs done lately and long ago, upcoming, past-due, drafts."""
    soon = dt.datetime.now(UTC) + dt.timedelta(days=2)
    job(client, auth, customer_id, "Draft")
    job(client, auth, customer_id, "Next week", scheduled_start=iso(soon + dt.timedelta(days=5)))
    job(client, auth, customer_id, "Soon", scheduled_start=iso(soon))
    job(client, auth, customer_id, "Missed", scheduled_start=iso(dt.datetime.now(UTC) - dt.timedelta(days=1)))
    job(client, auth, customer_id, "Done lately", "in_progress", "completed", scheduled_start=iso(soon))
    old = job(client, auth, customer_id, "Done long ago", "in_progress", "completed", scheduled_start=iso(soon))
    completed_days_ago(app, account_id, old["id"], 40)
    job(client, auth, customer_id, "Dropped", "cancelled")
    for title, rating in (("Rated well", 5), ("Rated badly", 2), ("Rated last", 4)):
        rated = job(client, auth, customer_id, title, "in_progress", "completed", scheduled_start=iso(soon))
        completed_days_ago(app, account_id, rated["id"], 50)
        post(client, auth, f"/jobs/{rated['id']}/review", {"rating": rating, "comment": None})
    for title in ("Door", "Opener", "Springs"):
        post(client, auth, "/estimates", {"customer_id": customer_id, "title": title, "line_items": [
            {"description": title, "quantity": 1, "unit_price_cents": 45000}]})
    for name in ("Quarterly pest control", "Furnace care", "Gutter cleaning"):
        post(client, auth, "/plans", {"customer_id": customer_id, "name": name, "price_per_visit_cents": 8900,
                                      "status": "active", "rrule": "FREQ=MONTHLY;INTERVAL=3",
                                      "starts_at": "2099-01-06T14:00:00Z"})
    return customer_id


def singles(client, auth, customer_id) -> dict:
    answers = {}
    for section, (path, query) in SECTIONS.items():
        response = client.get(f"/customers/{customer_id}/{path}", query_string=query, headers=auth)
        assert response.status_code == 200, (path, response.json)
        answers[section] = response.json
    return answers


def test_every_section_is_what_its_own_endpoint_answers(client, auth, busy_customer):
    part = client.get(PART.format(busy_customer), query_string={"limit": 2, "activity_limit": 3}, headers=auth)
    assert part.status_code == 200, part.json
    assert {k: v for k, v in part.json.items() if k != "photos"} == singles(client, auth, busy_customer)
    # The customer really has more than a page of each list, work done and to do, and an open count.
    assert all(part.json[name]["next_cursor"] for name in ("jobs", "estimates", "plans", "reviews", "activity"))
    recent, summary = part.json["recent_activity"], part.json["summary"]
    assert [j["title"] for j in recent["completed_recently"]] == ["Done lately"]
    assert [j["title"] for j in recent["upcoming"]] == ["Soon", "Next week"]
    assert summary["open_count"] == 4 and summary["next_scheduled"]["title"] == "Soon"
    reviews = part.json["reviews"]
    assert reviews["summary"] == {"count": 3, "average": 3.7}
    assert [(r["job_title"], r["rating"]) for r in reviews["items"]] == [("Rated last", 4), ("Rated badly", 2)]


def test_the_last_completed_job_may_be_older_than_recent_activity_shows(app, client, auth, account_id, customer_id):
    done = job(client, auth, customer_id, "Done long ago", "in_progress", "completed",
               scheduled_start=iso(dt.datetime.now(UTC)))
    completed_days_ago(app, account_id, done["id"], 40)
    part = client.get(PART.format(customer_id), query_string={"limit": 2, "activity_limit": 3}, headers=auth).json
    assert part["recent_activity"]["completed_recently"] == []
    assert part["summary"]["last_completed"]["number"] == done["number"]
    assert part.pop("photos") == {"items": [], "count": 0}
    assert part == singles(client, auth, customer_id)


def test_the_photos_section_is_the_latest_few_and_the_count(client, auth, customer_id):
    import io

    from PIL import Image
    for n in range(8):
        out = io.BytesIO()
        Image.new("RGB", (16, 12), (n * 30, 40, 40)).save(out, format="PNG")
        response = client.post(f"/customers/{customer_id}/photos", headers=auth, content_type="multipart/form-data",
                               data={"file": (io.BytesIO(out.getvalue()), f"p{n}.png"), "caption": f"Photo {n}"})
        assert response.status_code == 201, response.json
    photos = client.get(PART.format(customer_id), headers=auth).json["photos"]
    assert photos["count"] == 8
    assert [p["caption"] for p in photos["items"]] == [f"Photo {n}" for n in range(7, 1, -1)]


def test_a_customer_without_any_work_gets_empty_sections(client, auth, customer_id):
    part = client.get(PART.format(customer_id), query_string={"limit": 2, "activity_limit": 3}, headers=auth).json
    assert part["summary"] == {"open_count": 0, "last_completed": None, "next_scheduled": None}
    assert part["jobs"] == {"items": [], "next_cursor": None}
    assert part.pop("photos") == {"items": [], "count": 0}
    assert part == singles(client, auth, customer_id)


def test_the_part_costs_six_statements_whatever_the_customer_holds(app, client, auth, busy_customer,
                                                                     new_customer):
    for customer_id in (busy_customer, new_customer()):
        # A first ask: the store's lookup, the part's own six statements, the store's two (no WAL wait, upsert).
        with sent_statements(app) as statements:
            assert client.get(PART.format(customer_id), headers=auth).status_code == 200
        assert len(statements) == 1 + PART_STATEMENTS + 2, statements
        assert "stored_parts" in statements[0] and "INSERT INTO stored_parts" in statements[-1]
        # The next ones: the lookup alone.
        with sent_statements(app) as again:
            assert client.get(PART.format(customer_id), headers=auth).status_code == 200
        assert len(again) == 1, again
    # The seven endpoints it stands for take three times as many.
    with sent_statements(app) as statements:
        singles(client, auth, busy_customer)
    assert len(statements) == 18


def test_another_accounts_customer_or_an_unknown_one_is_404(client, auth, other_auth, busy_customer):
    assert_404_for_others(client, auth, other_auth, busy_customer)


def test_it_needs_jobs_view(client, make_token, account_id, customer_id):
    assert_403_with_only(client, make_token, account_id, customer_id, ["billing:view"])
    viewer = {"Authorization": f"Bearer {make_token(account_id, perms=['jobs:view'])}"}
    assert client.get(PART.format(customer_id), headers=viewer).status_code == 200


@pytest.mark.parametrize("query, field", [({"limit": 0}, "limit"), ({"activity_limit": 1000}, "activity_limit"),
                                          ({"limit": "ten"}, "limit")])
def test_page_sizes_out_of_range_are_422_on_their_field(client, auth, customer_id, query, field):
    response = client.get(PART.format(customer_id), query_string=query, headers=auth)
    assert response.status_code == 422
    assert response.json["error"]["code"] == "validation_error" and field in response.json["error"]["fields"]


def test_the_api_document_shows_the_part(client):
    operation = client.get("/openapi.json").json["paths"]["/customers/{customer_id}/workspace-part"]["get"]
    assert {p["name"] for p in operation["parameters"] if p["in"] == "query"} == {"limit", "activity_limit"}
