"""The gateway's tests run against every written service as a real process (gunicorn), never mocks."""
from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest
from fieldwork_contracts.permissions import ALL_PERMISSIONS

from chassis.testing.plugin import TEST_JWT_SECRET

# pytest's importlib mode names this file "gateway.tests.conftest" and so registers a namespace
# module "gateway" for /work/main/gateway, hiding the real package /work/main/gateway/gateway.
# Dropping that stand-in lets the import below find the installed package.
if not getattr(sys.modules.get("gateway"), "__file__", None):
    sys.modules.pop("gateway", None)
sys.path.insert(0, str(Path(__file__).parent))
from stack import start_stack  # noqa: E402

from gateway.bootstrap import SPEC  # noqa: E402


@pytest.fixture(scope="session")
def stack(make_database_url, infrastructure, broker_names, tmp_path_factory):
    running = start_stack(make_database_url, infrastructure.broker_url, broker_names["exchange"],
                          broker_names["queue_prefix"], TEST_JWT_SECRET, tmp_path_factory.mktemp("services"))
    yield running
    running.stop_all()


@pytest.fixture
def make_gateway(make_app, stack):
    """``make_gateway(**settings)`` → a test client of a fresh gateway app (fresh breakers) on the stack."""
    apps = []

    def make(**extra):
        extra.setdefault("service_urls", stack.urls())
        extra.setdefault("cors_origin", "http://front.test")
        # generous by default: the box is shared with other suites; tests about the deadline set their own
        extra.setdefault("deadline_ms", 3000)
        extra.setdefault("call_timeout_ms", 2500)
        app = make_app(SPEC, **extra)
        apps.append(app)
        return app.test_client()

    yield make
    for app in apps:
        app.extensions["fieldwork"].adapter("upstreams").fanout.shutdown()


@pytest.fixture
def gateway(make_gateway):
    return make_gateway()


@pytest.fixture
def headers_for(make_token, account_id):
    def make(perms=ALL_PERMISSIONS, account=None) -> dict:
        return {"Authorization": f"Bearer {make_token(account or account_id, perms=perms)}"}
    return make


def new_account() -> uuid.UUID:
    return uuid.uuid4()
