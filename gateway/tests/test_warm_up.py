"""`make run` says the system is ready only once workspaces come back whole (tools/warm_up.py)."""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from werkzeug.serving import make_server

import seed
from gateway.bootstrap import SPEC

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from warm_up import unwhole_sections, warm_up  # noqa: E402


def test_the_runner_warms_a_restarted_service_before_it_says_ready(make_app, stack, make_token, account_id):
    app = make_app(SPEC, service_urls=stack.urls())  # the deadline a person's workspace gets, not a test's
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    front, token = f"http://127.0.0.1:{server.server_port}", make_token(account_id)
    headers = {"Authorization": f"Bearer {token}"}
    try:
        customer = seed.full_customer(app.test_client(), headers)
        with stack["billing"].stopped():
            assert "invoices" in warm_up(front, token, seconds=3)  # a service down is never called warm
        # billing is back as a new, cold process: the warm-up waits for it
        assert warm_up(front, token) == []
        first = app.test_client().get(f"/api/customers/{customer['id']}/workspace", headers=headers)
        assert first.status_code == 200 and unwhole_sections(first.json) == []
    finally:
        server.shutdown()
        app.extensions["fieldwork"].adapter("upstreams").fanout.shutdown()
