"""The document of the whole public API, merged from the gateway's and the running services' documents."""
from __future__ import annotations

import json
import re
from pathlib import Path

import urllib3
from openapi_spec_validator import validate

from gateway.composition.openapi import _covers, exposing
from gateway.routes import ROUTES

COMMITTED = Path(__file__).resolve().parents[2] / "contracts" / "openapi" / "fieldwork.json"
METHODS = ("get", "put", "post", "patch", "delete")
REGENERATE = "run `.venv/bin/fieldwork-gateway openapi` at the repository root and commit contracts/openapi/"


def service_documents(stack) -> dict[str, dict]:
    return {name: urllib3.request("GET", f"{p.url}/openapi.json").json()
            for name, p in stack.processes.items() if name in stack.running}


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
    validate(document)


def test_the_committed_document_is_the_one_served(gateway, stack):
    served = gateway.get("/api/openapi.json").json
    committed = json.loads(COMMITTED.read_text())
    differing = sorted({*(f"path {p}" for p in set(served["paths"]) | set(committed["paths"])
                          if served["paths"].get(p) != committed["paths"].get(p)),
                        *(f"schema {s}" for s in set(served["components"]["schemas"]) |
                          set(committed["components"]["schemas"])
                          if served["components"]["schemas"].get(s) != committed["components"]["schemas"].get(s))})
    assert served == committed, f"{REGENERATE}; differing: {differing[:20]}"


def test_the_gateways_own_operations_document_their_answers_and_errors(gateway):
    paths = gateway.get("/api/openapi.json").json["paths"]
    own = {
        ("/api/customers/{customer_id}/workspace", "get"): ("customers:view", "#/components/schemas/Workspace"),
        ("/api/customers/{customer_id}/timeline", "get"): ("customers:view", "#/components/schemas/TimelinePage"),
        ("/api/customers/{customer_id}/portal-view", "get"): ("customers:view", "#/components/schemas/PortalView"),
        ("/api/portal/me", "get"): (None, "#/components/schemas/PortalView"),
        ("/api/portal/sessions", "post"): (None, "#/components/schemas/PortalSession"),
        ("/status", "get"): (None, "#/components/schemas/Status"),
    }
    for (path, method), (permission, schema) in own.items():
        operation = paths[path][method]
        success = "201" if method == "post" else "200"
        assert operation["responses"][success]["content"]["application/json"]["schema"] == {"$ref": schema}, path
        assert operation.get("x-permission") == permission, path
        if permission:
            assert {"401", "403", "404", "503"} <= set(operation["responses"]), path
    pdf = paths["/api/portal/invoices/{invoice_id}/pdf"]["get"]["responses"]["200"]["content"]
    assert list(pdf) == ["application/pdf"]
    page = paths["/"]["get"]
    assert list(page["responses"]["200"]["content"]) == ["text/html"] and page["security"] == []
    for path in ("/api/portal/me", "/api/portal/invoices/{invoice_id}/pdf",
                 "/api/portal/estimates/{estimate_id}/approve"):
        assert paths[path][method_of(paths[path])]["security"] == [{"portalSession": []}, {"portalCookie": []}]


def method_of(operations: dict) -> str:
    return next(m for m in operations if m in METHODS)


def test_workspace_sections_point_at_what_each_service_documents(gateway):
    schemas = gateway.get("/api/openapi.json").json["components"]["schemas"]
    data = {name: schemas[name]["properties"]["data"] for name in (
        "WorkspaceProfileSection", "WorkspaceJobsSection", "WorkspaceInvoicesSection", "WorkspaceInsightsSection")}
    assert data == {
        "WorkspaceProfileSection": schemas["CustomersCustomersWorkspacePart"]["properties"]["profile"],
        "WorkspaceJobsSection": schemas["JobsJobsWorkspacePart"]["properties"]["jobs"],
        "WorkspaceInvoicesSection": schemas["BillingBillingWorkspacePart"]["properties"]["invoices"],
        "WorkspaceInsightsSection": {"$ref": "#/components/schemas/InsightsInsightsOut"},
    }
    jobs_summary = schemas["JobsSummaryOut"]["properties"]
    assert schemas["WorkspaceHeader"]["properties"]["next_scheduled"] == jobs_summary["next_scheduled"]
    assert schemas["PinnedNotesSection"]["properties"]["items"] == \
        schemas["CustomersCustomerOut"]["properties"]["pinned_notes"]


def test_every_route_of_the_table_reaches_an_operation_of_its_service(stack):
    documents = service_documents(stack)
    for resource in ROUTES:
        if resource.service in documents:
            service_paths = documents[resource.service]["paths"]
            assert any(_covers(resource, path) for path in service_paths), (resource.service, resource.path)


def test_the_gateway_asks_each_operation_the_permission_its_service_asks(stack):
    """The route table's permission (read for GET, write otherwise) is the service's own ``x-permission``."""
    disagreements = []
    for service, document in service_documents(stack).items():
        for path, operations in document["paths"].items():
            resource = exposing(service, path)
            if resource is None:
                continue
            for method in (m for m in operations if m in METHODS):
                gateway_needs = None if resource.public else resource.read if method == "get" else resource.write
                service_needs = operations[method].get("x-permission")
                if gateway_needs != service_needs:
                    disagreements.append(f"{method.upper()} {path} ({service}): gateway {gateway_needs}, "
                                         f"service {service_needs}")
    assert disagreements == []
