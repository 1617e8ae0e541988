"""The gateway serves the built web front end: index.html at the app's own paths, hashed assets cached for
good; the page and its files are public, the data behind them is not."""
import pytest

from gateway.bootstrap import SPEC


@pytest.fixture
def built(tmp_path, monkeypatch):
    """A stand-in for `web/dist` as Vite leaves it: index.html and hashed files under assets/."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text('<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>')
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log('fieldwork')")
    (tmp_path.parent / "secret.txt").write_text("not for the web")
    monkeypatch.setenv("FIELDWORK_WEB_DIR", str(tmp_path))
    return tmp_path


def test_the_app_paths_answer_the_page(make_app, built):
    client = make_app(SPEC).test_client()
    for path in ("/", "/customers", "/customers/0b6a2c1e-0000-4000-8000-000000000001",
                 "/customers/0b6a2c1e-0000-4000-8000-000000000001/notes", "/settings/integrations",
                 "/portal/magic/eyJpbnZpdGUiOiJ4In0.c2lnbmF0dXJl", "/invoices/0b6a2c1e-0000-4000-8000-000000000002",
                 "/customers/0b6a2c1e-0000-4000-8000-000000000001/billing",
                 "/jobs/0b6a2c1e-0000-4000-8000-000000000003", "/estimates/0b6a2c1e-0000-4000-8000-000000000004"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert b'<div id="root">' in page.data and "no-cache" in page.headers["Cache-Control"], path


def test_hashed_assets_are_served_and_cached_for_good(make_app, built):
    client = make_app(SPEC).test_client()
    script = client.get("/assets/index-abc123.js")
    assert script.status_code == 200 and b"fieldwork" in script.data
    assert "max-age=31536000" in script.headers["Cache-Control"]
    assert client.get("/assets/missing.js").status_code == 404
    assert client.get("/assets/../../secret.txt").status_code == 404


def test_the_api_and_the_operators_routes_stay_the_gateways(make_app, built):
    client = make_app(SPEC).test_client()
    assert client.get("/api/customers").status_code == 401
    assert client.get("/api/customers/0b6a2c1e-0000-4000-8000-000000000001/workspace").status_code == 401
    assert client.get("/healthz").status_code == 200
    assert client.get("/nothing-here").status_code == 404


def test_the_pages_are_not_in_the_api_document(make_app, built):
    paths = make_app(SPEC).test_client().get("/api/openapi.json").get_json()["paths"]
    assert not [p for p in paths if p.startswith(("/customers", "/assets"))]
    # `/` alone is documented (the gateway's brief: what the server's root answers), as HTML, never as JSON
    assert {status: list(answer["content"]) for status, answer in paths["/"]["get"]["responses"].items()} == {
        "200": ["text/html"], "503": ["text/plain"]}


def test_an_unbuilt_front_end_says_how_to_build_it(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDWORK_WEB_DIR", str(tmp_path / "missing"))
    page = make_app(SPEC).test_client().get("/customers")
    assert page.status_code == 503 and b"make run" in page.data
