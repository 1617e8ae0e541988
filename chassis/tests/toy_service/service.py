"""A tiny service used only to prove the chassis: one account-owned resource with every rule applied."""
from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from flask import request
from marshmallow import fields, validate
from sqlalchemy import DateTime, ForeignKey, String, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from chassis.api import Blueprint
from chassis.customer_directory import lookup
from chassis.db.part_store import earliest
from chassis.db import Tenanted, next_number, request_session
from chassis.errors import NotFound
from chassis.schemas import Schema
from chassis.pagination import PageArgs, keyset_page, page_schema
from chassis import stored_parts
from chassis.service import ServiceSpec
from fieldwork_contracts.workspace_part import PATH, PartArgs, part_schema
from toy_service import inputs


class Base(DeclarativeBase):
    pass


class Widget(Tenanted, Base):
    __tablename__ = "widgets"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))


class Gadget(Tenanted, Base):
    """A customer's record, with parts under it that name the customer only through it."""

    __tablename__ = "gadgets"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID | None]  # a gadget in stock belongs to no customer yet
    name: Mapped[str] = mapped_column(String(100))
    due_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    parts: Mapped[list["GadgetPart"]] = relationship(order_by="GadgetPart.name", lazy="selectin")


class GadgetPart(Tenanted, Base):
    __tablename__ = "gadget_parts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    gadget_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("gadgets.id"))
    name: Mapped[str] = mapped_column(String(100))


class Setting(Tenanted, Base):
    """An account-wide row that names no customer, yet shows in every customer's part."""

    __tablename__ = "settings"
    account_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    greeting: Mapped[str] = mapped_column(String(100))


class WidgetIn(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=100))


class WidgetOut(Schema):
    id = fields.UUID()
    number = fields.String()
    name = fields.String()


blp = Blueprint("widgets", __name__, url_prefix="/widgets")


def _new_widget(session, name: str) -> Widget:
    widget = Widget(name=name, number=next_number(session, "widget", prefix="W-"))
    session.add(widget)
    session.flush()
    return widget


@blp.get("", "customers:view", query=PageArgs, response=page_schema(WidgetOut))
def list_widgets(query):
    session = request_session()
    page = keyset_page(session, select(Widget), [Widget.number, Widget.id], limit=query["limit"],
                       cursor=query["cursor"], key=lambda w: (w.number, w.id))
    return page.as_dict()


@blp.post("", "customers:edit", body=WidgetIn, response=WidgetOut, status=201)
def add_widget(body):
    return _new_widget(request_session(), body["name"])


@blp.post("/contended", "customers:edit", body=WidgetIn, response=WidgetOut, status=201)
def add_contended_widget(body):
    """Stores a widget, then loses to another transaction ``lose`` times (PostgreSQL raises the deadlock's error
    itself), as a request racing a consumer for the same rows does."""
    session = request_session()
    widget = _new_widget(session, body["name"])
    tries = CONTENDED.setdefault(body["name"], [])
    tries.append(widget.id)
    if len(tries) <= int(request.args.get("lose", "1")):
        session.execute(text("DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END $$"))
    return widget


CONTENDED: dict[str, list] = {}  # name → the widget ids each try of the request stored


@blp.get("/<uuid:widget_id>", "customers:view", response=WidgetOut)
def read_widget(widget_id):
    widget = request_session().get(Widget, widget_id)
    if widget is None:
        raise NotFound("No such widget.")
    return widget


class GadgetOut(Schema):
    name = fields.String()
    due_at = fields.DateTime()
    parts = fields.Pluck("GadgetPartOut", "name", many=True)


class GadgetPartOut(Schema):
    name = fields.String()


ToyPart = part_schema("toy", {"customer": fields.String(), "gadgets": fields.List(fields.Nested(GadgetOut)),
                              "greeting": fields.String()})

parts = Blueprint("workspace_part", __name__)


@parts.get(PATH, "customers:view", query=PartArgs, response=ToyPart)
def workspace_part(query, customer_id):
    # The toy's clock can be set by the caller, so the tests can move past a part's valid_until.
    clock = request.headers.get("X-Toy-Now")
    now = dt.datetime.fromisoformat(clock) if clock else dt.datetime.now(dt.timezone.utc)
    stored = stored_parts.look_up(customer_id, query, now=now)
    if stored.current:
        return stored.answer()
    return stored.keep(ToyPart, *toy_part(customer_id, query, now))


def toy_part(customer_id: uuid.UUID, args: dict, now: dt.datetime):
    session = request_session()
    known = lookup(session, customer_id)
    if known is None:
        raise NotFound("No such customer.")
    # A gadget shows until it falls due: time alone changes the part then.
    gadgets = [gadget for gadget in session.scalars(select(Gadget).where(Gadget.customer_id == customer_id)
                                                    .order_by(Gadget.name).limit(args["limit"]))
               if gadget.due_at is None or gadget.due_at > now]
    setting = session.scalar(select(Setting))
    document = {"customer": known.display_name, "gadgets": gadgets, "greeting": setting.greeting if setting else None,
                "activity": {"items": [], "next_cursor": None}}
    return document, earliest(gadget.due_at for gadget in gadgets)


SPEC = ServiceSpec(name="toy", title="Toy", blueprints=[blp, parts, inputs.blp], migrations=Path(__file__).parent / "migrations",
                   app_factory="toy_service.service:create_app()")
