"""A tiny service used only to prove the chassis: one account-owned resource with every rule applied."""
from __future__ import annotations

import uuid
from pathlib import Path

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate
from sqlalchemy import String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from chassis.auth import require
from chassis.db import Tenanted, next_number, request_session
from chassis.errors import NotFound
from chassis.pagination import PageArgs, keyset_page, page_schema
from chassis.service import ServiceSpec


class Base(DeclarativeBase):
    pass


class Widget(Tenanted, Base):
    __tablename__ = "widgets"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))


class WidgetIn(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=100))


class WidgetOut(Schema):
    id = fields.UUID()
    number = fields.String()
    name = fields.String()


blp = Blueprint("widgets", __name__, url_prefix="/widgets")


@blp.route("")
class Widgets(MethodView):
    @require("customers:view")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_schema(WidgetOut))
    def get(self, args):
        session = request_session()
        page = keyset_page(session, select(Widget), [Widget.number, Widget.id], limit=args["limit"],
                           cursor=args["cursor"], key=lambda w: (w.number, w.id))
        return page.as_dict()

    @require("customers:edit")
    @blp.arguments(WidgetIn)
    @blp.response(201, WidgetOut)
    def post(self, body):
        session = request_session()
        widget = Widget(name=body["name"], number=next_number(session, "widget", prefix="W-"))
        session.add(widget)
        session.flush()
        return widget


@blp.route("/<uuid:widget_id>")
class WidgetById(MethodView):
    @require("customers:view")
    @blp.response(200, WidgetOut)
    def get(self, widget_id):
        widget = request_session().get(Widget, widget_id)
        if widget is None:
            raise NotFound("No such widget.")
        return widget


SPEC = ServiceSpec(name="toy", title="Toy", blueprints=[blp], migrations=Path(__file__).parent / "migrations",
                   app_factory="toy_service.service:create_app()")
