"""The request id the gateway passes on to the services is the one it runs under, never an unsafe one it was sent."""
from __future__ import annotations

import json
import re

import pytest

import seed

SERVICES = ("customers", "jobs", "billing", "comms", "insights")
SAFE = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def _lines_with(stack, request_id: str) -> dict[str, list[dict]]:
    found = {}
    for service in SERVICES:
        lines = [json.loads(line) for line in stack[service].log_path.read_text().splitlines()
                 if line.startswith("{") and request_id in line]
        if lines:
            found[service] = lines
    return found


@pytest.mark.parametrize("sent", ["x" * 300, "two words", 'quote"and<angle>', "semi;colon"])
def test_an_unsafe_request_id_is_replaced_and_the_services_get_the_replacement(gateway, stack, headers_for, sent):
    headers = headers_for()
    customer = seed.customer(gateway, headers)
    workspace = gateway.get(f"/api/customers/{customer['id']}/workspace", headers={**headers, "X-Request-Id": sent})
    note = gateway.post(f"/api/customers/{customer['id']}/notes", json={"body": "Gate code 1234"},
                        headers={**headers, "X-Request-Id": sent})  # a proxied write that emits an event
    assert workspace.status_code == 200 and note.status_code == 201, (workspace.json, note.json)
    for answer, called in ((workspace, {"customers", "jobs", "billing", "comms", "insights"}), (note, {"customers"})):
        used = answer.headers["X-Request-Id"]
        assert used != sent and SAFE.fullmatch(used)
        assert set(_lines_with(stack, used)) == called, "every service called logged the id in use"
    assert not _lines_with(stack, sent), "the unsafe id reached no service"


def test_a_safe_request_id_is_kept_end_to_end(gateway, stack, headers_for):
    headers = headers_for()
    customer = seed.customer(gateway, headers)
    sent = "trace-42.a:b"
    note = gateway.post(f"/api/customers/{customer['id']}/notes", json={"body": "Prefers mornings"},
                        headers={**headers, "X-Request-Id": sent})
    assert note.status_code == 201 and note.headers["X-Request-Id"] == sent
    assert "customers" in _lines_with(stack, sent)
