"""The web front end (`web/` at the repository root): the page at `/` and its files under `/app/`.

The files are public; what they show comes from `/api`, which needs a token.
"""
from __future__ import annotations

import os
from pathlib import Path

from flask import abort, send_from_directory
from flask_smorest import Blueprint

from chassis.auth import public

blueprint = Blueprint("front_end", __name__, description="The web front end (public files).")


def web_dir() -> Path:
    """``FIELDWORK_WEB_DIR`` (images copy the files there), else the repository's ``web/`` beside this package."""
    configured = os.environ.get("FIELDWORK_WEB_DIR")
    if configured:
        return Path(configured)
    for parent in Path(__file__).resolve().parents:
        if (parent / "web" / "index.html").is_file():
            return parent / "web"
    return Path("web")


@blueprint.get("/")
@public
def index():
    return send_from_directory(web_dir(), "index.html", max_age=0)


@blueprint.get("/app/<path:filename>")
@public
def asset(filename: str):
    if filename == "index.html":
        abort(404)
    return send_from_directory(web_dir(), filename, max_age=300)
