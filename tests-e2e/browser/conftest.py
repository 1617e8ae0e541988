"""Browser journeys: Debian's Chromium, driven by Playwright, through the page the gateway serves, against
the whole system (tests-e2e/conftest.py) filled with demo data. Each journey checks what the user sees
and then what the API holds. Screenshots go to the run's output folder (printed at the end)."""
from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect

from browser.accessibility import AXE
from fieldwork_contracts.permissions import ALL_PERMISSIONS
from chassis.auth import mint_token

ROOT = Path(__file__).resolve().parents[2]
# make test runs the journeys on a shared two-core box: answers can take seconds, not milliseconds.
expect.set_options(timeout=15_000)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
LOADER = ROOT / "tools" / "demo_data.py"


class Demo:
    """An account filled by the demo-data loader, and a session on the public API as its office user."""

    def __init__(self, system, account_id: uuid.UUID):
        self.base = system.gateway.url
        self.account_id = account_id
        self.token = mint_token(system.jwt_secret, sub="office@example.com", account_id=account_id,
                                perms=ALL_PERMISSIONS)
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {self.token}"

    def get(self, path: str) -> dict:
        response = self.session.get(f"{self.base}/api{path}", timeout=15)
        assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text[:300]}"
        return response.json()

    def customers(self, **query) -> list[dict]:
        return self.session.get(f"{self.base}/api/customers", params={"limit": 100, **query}, timeout=15).json()["items"]


@pytest.fixture(scope="module")
def demo(system) -> Demo:
    """Each file's journeys get an account of their own, so one file's merges and twins never meet another's."""
    account_id = uuid.uuid4()
    env = {"FIELDWORK_JWT_SECRET": system.jwt_secret, "PATH": str(Path(sys.executable).parent)}
    run = subprocess.run([sys.executable, str(LOADER), "--gateway", system.gateway.url, "--customers", "12",
                          "--account", str(account_id), "--seed", "5"], env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    return Demo(system, account_id)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    yield folder
    print(f"\nbrowser screenshots: {folder}")


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `apt-get install -y chromium` (make test installs it)")
    if not AXE.exists():
        pytest.fail("axe-core is missing: `npm ci` in web/ (make test runs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, demo):
    """A signed-in page: the sign-in link stores the token, as the runner's link does."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000}, base_url=demo.base)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"/customers?token={demo.token}")
    page.get_by_role("table", name="Customers").wait_for()
    yield page
    context.close()
    assert not errors, f"the page threw: {errors}"
