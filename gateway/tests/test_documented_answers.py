"""The gateway's own answers are what its public document says they are, section by section."""
from __future__ import annotations

import time

import jsonschema
import pytest

import seed
from test_portal import magic_link_token


def _json_schema(value):
    """OpenAPI 3.0's schema dialect as JSON Schema: ``nullable`` becomes a null alternative."""
    if isinstance(value, list):
        return [_json_schema(v) for v in value]
    if not isinstance(value, dict):
        return value
    converted = {k: _json_schema(v) for k, v in value.items() if k != "nullable"}
    if value.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


@pytest.fixture
def conforms(gateway):
    document = gateway.get("/api/openapi.json").json
    components = _json_schema(document["components"])

    def check(path: str, method: str, response, status: int = 200):
        assert response.status_code == status, response.get_data(as_text=True)[:500]
        content = document["paths"][path][method]["responses"][str(status)]["content"]["application/json"]
        schema = {"allOf": [_json_schema(content["schema"])], "components": components}
        errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(response.json), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message[:300]}" for e in errors[:10]]

    return check


def _workspace_with_insights(gateway, customer_id, headers):
    ends = time.monotonic() + 30  # insights learns of the customer from events
    while True:
        response = gateway.get(f"/api/customers/{customer_id}/workspace", headers=headers)
        if response.json.get("insights", {}).get("status") == "ok" or time.monotonic() > ends:
            return response
        time.sleep(0.5)


def test_the_workspace_timeline_and_status_answer_as_documented(gateway, headers_for, conforms):
    headers = headers_for()
    customer = seed.full_customer(gateway, headers)
    workspace = _workspace_with_insights(gateway, customer["id"], headers)
    assert all(section["status"] == "ok" for name, section in workspace.json.items() if isinstance(section, dict))
    conforms("/api/customers/{customer_id}/workspace", "get", workspace)
    narrow = gateway.get(f"/api/customers/{customer['id']}/workspace",
                         headers=headers_for(perms=["customers:view", "jobs:view"]))
    conforms("/api/customers/{customer_id}/workspace", "get", narrow)
    duplicate = seed.customer(gateway, headers, name="Dana W.")
    assert gateway.post(f"/api/customers/{customer['id']}/merge", headers=headers,
                        json={"duplicate_id": duplicate["id"]}).status_code in (200, 201)
    conforms("/api/customers/{customer_id}/workspace", "get",
             gateway.get(f"/api/customers/{duplicate['id']}/workspace", headers=headers))
    conforms("/api/customers/{customer_id}/timeline", "get",
             gateway.get(f"/api/customers/{customer['id']}/timeline?limit=3", headers=headers))
    conforms("/status", "get", gateway.get("/status"))


def test_the_portal_answers_as_documented(gateway, stack, headers_for, conforms):
    headers = headers_for()
    customer = seed.full_customer(gateway, headers)
    estimate = seed.estimate(gateway, headers, customer["id"], "Heat pump")
    gateway.post(f"/api/estimates/{estimate['id']}/status", headers=headers, json={"to": "sent"})
    invite = gateway.post(f"/api/customers/{customer['id']}/portal-invites", headers=headers,
                          json={"email": "dana@example.com"})
    assert invite.status_code == 201, invite.json
    opened = gateway.post("/api/portal/sessions", json={"token": magic_link_token(stack, customer["id"])})
    conforms("/api/portal/sessions", "post", opened, status=201)
    session = {"Authorization": f"Bearer {opened.json['session']}"}
    conforms("/api/portal/me", "get", gateway.get("/api/portal/me", headers=session))
    conforms("/api/portal/estimates/{estimate_id}/approve", "post",
             gateway.post(f"/api/portal/estimates/{estimate['id']}/approve", headers=session))
    path = f"/api/customers/{customer['id']}/portal-view"
    conforms("/api/customers/{customer_id}/portal-view", "get", gateway.get(path, headers=headers))
    conforms("/api/customers/{customer_id}/portal-view", "get",
             gateway.get(path, headers=headers_for(perms=["customers:view"])))
