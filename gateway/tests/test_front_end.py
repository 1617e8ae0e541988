"""The gateway serves the web front end: the page and its files are public, the data behind them is not."""
from gateway.bootstrap import SPEC


def test_the_page_and_its_files_are_served(make_app):
    client = make_app(SPEC).test_client()
    page = client.get("/")
    assert page.status_code == 200 and b'<script type="module" src="/app/app.js">' in page.data
    script = client.get("/app/app.js")
    assert script.status_code == 200 and b"renderWorkspace" in script.data
    assert client.get("/app/app.css").status_code == 200
    assert client.get("/app/../pyproject.toml").status_code == 404
    assert client.get("/api/customers").status_code == 401
