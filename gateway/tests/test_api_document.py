"""The document of the whole public API, merged from the gateway's and the running services' documents."""
from __future__ import annotations

import json
import re

import urllib3

from gateway.composition.openapi import _covers
from gateway.routes import ROUTES


def test_one_document_for_the_whole_public_api(gateway, stack):
    response = gateway.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json
    assert document["x-services-missing"] == sorted(set(stack.processes) - stack.running)
    paths = document["paths"]
    for expected in ("/api/customers/{customer_id}/workspace", "/api/customers/{customer_id}/timeline",
                     "/api/portal/sessions", "/api/customers", "/api/jobs/{job_id}", "/api/invoices/{invoice_id}/pdf",
                     "/api/customers/{customer_id}/communications", "/api/customers/{customer_id}/insights"):
        assert expected in paths, expected
    assert "/api/portal/redeem" not in paths and "/api/customers/{customer_id}/activity" not in paths
    text = json.dumps(document)
    for ref in set(re.findall(r'"#/components/schemas/([^"]+)"', text)):
        assert ref in document["components"]["schemas"], ref


def test_every_route_of_the_table_reaches_an_operation_of_its_service(stack):
    documents = {name: urllib3.request("GET", f"{p.url}/openapi.json").json()
                 for name, p in stack.processes.items() if name in stack.running}
    for resource in ROUTES:
        if resource.service in documents:
            service_paths = documents[resource.service]["paths"]
            assert any(_covers(resource, path) for path in service_paths), (resource.service, resource.path)
