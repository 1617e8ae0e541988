"""Routes of what a customer has: contacts, properties (with geocoding) and the equipment at each property."""
from __future__ import annotations

from flask.views import MethodView

from chassis.api import Blueprint
from chassis.auth import require
from chassis.db import request_session
from chassis.request_context import adapter, now
from customers.entrypoints.http import presenters
from customers.entrypoints.http.schemas.requests import (ContactIn, ContactPatch, EquipmentIn, EquipmentPatch,
                                                         PropertyIn, PropertyPatch, patch_body)
from customers.entrypoints.http.schemas.responses import ContactOut, EquipmentOut, PropertyOut
from customers.service_layer import contacts, properties
from customers.service_layer.loading import customer_for_change, get_customer

blp = Blueprint("customer_parts", __name__, url_prefix="/customers/<uuid:customer_id>",
                description="Contacts, properties and equipment")


@blp.route("/contacts")
class Contacts(MethodView):
    @require("customers:view")
    @blp.response(200, ContactOut(many=True))
    def get(self, customer_id):
        return [presenters.contact(c) for c in get_customer(request_session(), customer_id).contacts]

    @require("customers:edit")
    @blp.arguments(ContactIn)
    @blp.response(201, ContactOut)
    def post(self, command, customer_id):
        session = request_session()
        return presenters.contact(contacts.add_contact(session, customer_for_change(session, customer_id), command))


@blp.route("/contacts/<uuid:contact_id>")
class ContactById(MethodView):
    @require("customers:edit")
    @blp.arguments(patch_body(ContactPatch))
    @blp.response(200, ContactOut)
    def patch(self, command, customer_id, contact_id):
        session = request_session()
        customer = customer_for_change(session, customer_id)
        return presenters.contact(contacts.update_contact(session, customer, contact_id, command))

    @require("customers:edit")
    @blp.response(204)
    def delete(self, customer_id, contact_id):
        session = request_session()
        contacts.remove_contact(session, customer_for_change(session, customer_id), contact_id)


@blp.route("/properties")
class Properties(MethodView):
    @require("customers:view")
    @blp.response(200, PropertyOut(many=True))
    def get(self, customer_id):
        return [presenters.property_(p) for p in get_customer(request_session(), customer_id).properties]

    @require("customers:edit")
    @blp.arguments(PropertyIn)
    @blp.response(201, PropertyOut)
    def post(self, command, customer_id):
        session = request_session()
        prop = properties.add_property(session, customer_for_change(session, customer_id), command,
                                       geocoder=adapter("geocoder"), now=now())
        return presenters.property_(prop)


@blp.route("/properties/<uuid:property_id>")
class PropertyById(MethodView):
    @require("customers:edit")
    @blp.arguments(patch_body(PropertyPatch))
    @blp.response(200, PropertyOut)
    def patch(self, command, customer_id, property_id):
        session = request_session()
        prop = properties.update_property(session, customer_for_change(session, customer_id), property_id, command,
                                          geocoder=adapter("geocoder"), now=now())
        return presenters.property_(prop)

    @require("customers:edit")
    @blp.response(204)
    def delete(self, customer_id, property_id):
        session = request_session()
        properties.remove_property(session, customer_for_change(session, customer_id), property_id)


@blp.route("/properties/<uuid:property_id>/geocode")
class Geocode(MethodView):
    @require("customers:edit")
    @blp.response(200, PropertyOut)
    def post(self, customer_id, property_id):
        """Geocode the property again; the answer's geocode state says what happened and why.

        Whatever the geocoder says, the address is kept and the property answered with its state: `geocoded`, or
        the reason there is no location (`not_configured`, `address_not_found`, `quota_exceeded`, `key_refused`,
        `request_refused`, `provider_unavailable`) and that reason in words.
        """
        session = request_session()
        prop = properties.regeocode(session, customer_for_change(session, customer_id), property_id,
                                    geocoder=adapter("geocoder"), now=now())
        return presenters.property_(prop)


@blp.route("/properties/<uuid:property_id>/equipment")
class EquipmentList(MethodView):
    @require("customers:view")
    @blp.response(200, EquipmentOut(many=True))
    def get(self, customer_id, property_id):
        return properties.find_property(get_customer(request_session(), customer_id), property_id).equipment

    @require("customers:edit")
    @blp.arguments(EquipmentIn)
    @blp.response(201, EquipmentOut)
    def post(self, command, customer_id, property_id):
        session = request_session()
        prop = properties.find_property(customer_for_change(session, customer_id), property_id)
        return properties.add_equipment(session, prop, command)


@blp.route("/properties/<uuid:property_id>/equipment/<uuid:equipment_id>")
class EquipmentById(MethodView):
    @require("customers:edit")
    @blp.arguments(patch_body(EquipmentPatch))
    @blp.response(200, EquipmentOut)
    def patch(self, command, customer_id, property_id, equipment_id):
        session = request_session()
        prop = properties.find_property(customer_for_change(session, customer_id), property_id)
        return properties.update_equipment(session, prop, equipment_id, command)

    @require("customers:edit")
    @blp.response(204)
    def delete(self, customer_id, property_id, equipment_id):
        session = request_session()
        prop = properties.find_property(customer_for_change(session, customer_id), property_id)
        properties.remove_equipment(session, prop, equipment_id)
