"""The demo-data loader `make run` uses creates a realistic account through the public API."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import requests

from chassis.auth import mint_token
from polling import eventually

LOADER = Path(__file__).resolve().parent.parent / "tools" / "demo_data.py"


def test_demo_data_fills_the_workspace(system, account_id):
    env = {"FIELDWORK_JWT_SECRET": system.jwt_secret, "PATH": str(Path(sys.executable).parent)}
    run = subprocess.run([sys.executable, str(LOADER), "--gateway", system.gateway.url, "--customers", "12",
                          "--account", str(account_id), "--seed", "3"], env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {mint_token(system.jwt_secret, sub='t', account_id=account_id)}"
    customers = session.get(f"{system.url}/customers?limit=100", timeout=10).json()["items"]
    assert len(customers) == 12
    # Again with --if-empty: nothing more is created.
    again = subprocess.run([sys.executable, str(LOADER), "--gateway", system.gateway.url, "--if-empty",
                            "--account", str(account_id)], env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and "already loaded" in again.stdout
    assert len(session.get(f"{system.url}/customers?limit=100", timeout=10).json()["items"]) == 12

    def rich_workspace():
        for customer in customers:
            ws = session.get(f"{system.url}/customers/{customer['id']}/workspace", timeout=10).json()
            if ws["jobs"]["data"]["items"] and ws["invoices"]["data"]["items"] and ws["profile"]["data"]["properties"][0]["equipment"]:
                return ws
    ws = eventually(rich_workspace, seconds=20)
    assert ws["timeline"]["items"]


# Every kind of card the insights rules make (services/insights/insights/domain/rules.py).
CARD_KINDS = {"overdue_statement", "win_back", "maintenance_due", "estimate_follow_up", "lead_call"}


def test_every_insight_card_kind_shows_on_some_demo_customer(system, account_id):
    env = {"FIELDWORK_JWT_SECRET": system.jwt_secret, "PATH": str(Path(sys.executable).parent)}
    run = subprocess.run([sys.executable, str(LOADER), "--gateway", system.gateway.url, "--customers", "12",
                          "--account", str(account_id), "--seed", "5"], env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {mint_token(system.jwt_secret, sub='t', account_id=account_id)}"
    customers = session.get(f"{system.url}/customers?limit=100", timeout=10).json()["items"]

    shown: set[str] = set()

    def every_kind():
        for customer in customers:
            answer = session.get(f"{system.url}/customers/{customer['id']}/workspace", timeout=10)
            # a customers service slower than the gateway's deadline answers 503: asked again, as the page does
            assert answer.status_code == 200, (answer.status_code, answer.text[:200])
            insights = answer.json()["insights"]
            if insights["status"] == "ok":
                shown.update(card["kind"] for card in insights["data"]["cards"])
        assert shown >= CARD_KINDS, f"missing: {sorted(CARD_KINDS - shown)}"
        return True

    eventually(every_kind, seconds=60)
