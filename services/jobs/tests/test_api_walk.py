"""The jobs API walked from its own document: generated inputs, another account's ids, each permission."""
from __future__ import annotations

import io
import uuid

import pytest
from PIL import Image

from chassis.testing.api_walk import Form, Seeder, WalkTests, service_walk

ADDRESS = {"line1": "4812 Ridgeview Dr", "line2": None, "city": "Austin", "region": "TX", "postal_code": "78731",
           "country": "US"}


def seed(api: Seeder) -> None:
    """One record of every kind the jobs service keeps: a job, an estimate, a plan, photos, statuses moved."""
    property_id = str(uuid.uuid4())
    api.ids["property_id"] = property_id
    api.ids["customer_id"] = api.customer_known(properties=[{"id": property_id, "address": ADDRESS}])
    job = api.post("/jobs", {"customer_id": api.ids["customer_id"], "property_id": property_id,
                             "title": "Furnace tune-up", "scheduled_start": "2027-01-10T14:00:00Z",
                             "scheduled_end": "2027-01-10T16:00:00Z",
                             "line_items": [{"description": "Tune-up", "quantity": 1, "unit_price_cents": 12900}]})
    api.ids["job_id"] = job["id"]
    api.post("/jobs/{job_id}/status", {"to": "in_progress"})
    technician = api.post("/technicians", {"name": "Sam Ortiz", "colour": "#2F80ED"})
    api.ids["technician_id"] = technician["id"]
    visit = api.post("/jobs/{job_id}/visits", {"scheduled_start": "2027-01-11T14:00:00Z",
                                               "technician_ids": [technician["id"]]})
    api.ids["visit_id"] = visit["id"]
    estimate = api.post("/estimates", {"customer_id": api.ids["customer_id"], "property_id": property_id,
                                       "title": "New garage door",
                                       "line_items": [{"description": "Door", "quantity": 1,
                                                       "unit_price_cents": 189900}]})
    api.ids["estimate_id"] = estimate["id"]
    plan = api.post("/plans", {"customer_id": api.ids["customer_id"], "property_id": property_id,
                               "name": "Quarterly pest control", "price_per_visit_cents": 8900,
                               "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "starts_at": "2027-03-02T14:00:00Z"})
    api.ids["plan_id"] = plan["id"]
    photo = api.post("/jobs/{job_id}/photos", Form({"file": (_png(), "door.png"), "caption": "Broken spring"}))
    api.ids["photo_id"] = photo["id"]
    api.post("/customers/{customer_id}/photos", Form({"file": (_png(), "drive.png"), "caption": "Driveway"}))
    api.call("PATCH", "/jobs/{job_id}", {"property_id": property_id, "notes": "Dog in the yard"})
    api.call("PATCH", "/estimates/{estimate_id}", {"property_id": property_id, "description": "Insulated"})
    api.call("PATCH", "/plans/{plan_id}", {"property_id": property_id, "visit_minutes": 45})


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def walk(app):
    return service_walk(app, seed)


class TestApiWalk(WalkTests):
    """Schemathesis, tenancy and permission walks of this service's document, seeded above."""
