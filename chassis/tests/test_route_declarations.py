"""A route is declared with its permission (or as public) in one decorator; a service with any other route does
not start."""
import pytest
from flask.views import MethodView
from marshmallow import fields

from chassis.api import PUBLIC, Blueprint
from chassis.schemas import Schema
from chassis.service import ServiceSpec


class Query(Schema):
    q = fields.String(load_default="")


class Body(Schema):
    name = fields.String(required=True)


def _app(make_app, blueprint):
    return make_app(ServiceSpec(name="routes", title="Routes", blueprints=[blueprint]))


def test_a_route_declared_without_a_permission_stops_the_start(make_app):
    blp = Blueprint("bare", __name__)

    @blp.route("/bare")
    def bare():
        return {}

    with pytest.raises(RuntimeError, match="bare.bare"):
        _app(make_app, blp)


def test_a_class_based_view_is_not_a_way_around_it(make_app):
    blp = Blueprint("classes", __name__)

    @blp.route("/things")
    class Things(MethodView):
        def get(self):
            return {}

    with pytest.raises(RuntimeError, match="classes.Things"):
        _app(make_app, blp)


def test_the_view_gets_query_then_body_then_the_path(make_app, auth):
    blp = Blueprint("order", __name__)

    @blp.post("/things/<int:number>", "customers:edit", query=Query, body=Body, status=201)
    def add_thing(query, body, number):
        return {"q": query["q"], "name": body["name"], "number": number}

    client = _app(make_app, blp).test_client()
    answer = client.post("/things/7?q=look", json={"name": "Widget"}, headers=auth)
    assert answer.status_code == 201
    assert answer.json == {"q": "look", "name": "Widget", "number": 7}


def test_the_permission_is_required_and_public_needs_none(make_app, make_token, account_id):
    blp = Blueprint("perms", __name__)

    @blp.get("/guarded", "billing:view", status=200)
    def guarded():
        return {"ok": True}

    @blp.get("/open", PUBLIC, status=200)
    def open_to_all():
        return {"ok": True}

    client = _app(make_app, blp).test_client()
    other = {"Authorization": f"Bearer {make_token(account_id, perms=['customers:view'])}"}
    allowed = {"Authorization": f"Bearer {make_token(account_id, perms=['billing:view'])}"}
    assert client.get("/guarded").status_code == 401
    assert client.get("/guarded", headers=other).status_code == 403
    assert client.get("/guarded", headers=allowed).json == {"ok": True}
    assert client.get("/open").json == {"ok": True}
