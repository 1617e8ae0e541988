"""The web front end: the files Vite builds from `web/` (its `dist/`), served at the app's own paths.

The page is a single-page app with real paths (`/customers`, `/customers/<id>/<tab>`): the gateway
answers `index.html` for each of them and the app's router takes over. Built assets have hashed
names, so they are cached for good; `index.html` never is, so a new build is seen at once. The files
are public; what they show comes from `/api`, which needs a token.
"""
from __future__ import annotations

import os
from pathlib import Path

from flask import Blueprint as FlaskBlueprint, Response, send_from_directory
from flask_smorest import Blueprint

from chassis.auth import public

blueprint = Blueprint("front_end", __name__, description="The web front end (public files).")

# The first segment of every path the app's router owns; everything else stays the gateway's (/api, /status, …).
# portal: the emailed magic link, /portal/magic/<token>
APP_ROOTS = ("customers", "settings", "portal", "invoices", "unmatched", "jobs", "estimates")
YEAR = 365 * 24 * 3600


def web_dir() -> Path:
    """``FIELDWORK_WEB_DIR`` (images build the files there), else the repository's ``web/dist``."""
    configured = os.environ.get("FIELDWORK_WEB_DIR")
    if configured:
        return Path(configured)
    for parent in Path(__file__).resolve().parents:
        if (parent / "web" / "package.json").is_file():
            return parent / "web" / "dist"
    return Path("web") / "dist"


def _page():
    if not (web_dir() / "index.html").is_file():
        return Response("The web front end is not built: `make run` builds it "
                        "(or `npm ci && npm run build` in web/).\n", status=503, mimetype="text/plain")
    return send_from_directory(web_dir(), "index.html", max_age=0)


def _subpage(rest: str):
    return _page()


def _asset(filename: str):
    return send_from_directory(web_dir() / "assets", filename, max_age=YEAR)


# Registered as plain Flask rules, so the pages stay out of the API's OpenAPI document: they are not API.
_ROUTES = [("/", "index", _page), ("/assets/<path:filename>", "asset", _asset)]
_ROUTES += [(f"/{root}", f"{root}_page", _page) for root in APP_ROOTS]
_ROUTES += [(f"/{root}/<path:rest>", f"{root}_subpage", _subpage) for root in APP_ROOTS]
for _rule, _endpoint, _view in _ROUTES:
    FlaskBlueprint.add_url_rule(blueprint, _rule, _endpoint, public(_view))
