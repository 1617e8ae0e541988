"""Routes of what a customer has: contacts, properties (with geocoding) and the equipment at each property."""
from __future__ import annotations

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.request_context import adapter, now
from customers.entrypoints.http.schemas.requests import (ContactIn, ContactPatch, EquipmentIn, EquipmentPatch,
                                                         PropertyIn, PropertyPatch, patch_body)
from customers.entrypoints.http.schemas.responses import ContactOut, EquipmentOut, PropertyOut
from customers.service_layer import contacts, presenters, properties
from customers.service_layer.loading import customer_for_change, get_customer

blp = Blueprint("customer_parts", __name__, url_prefix="/customers/<uuid:customer_id>",
                description="Contacts, properties and equipment")


@blp.get("/contacts", "customers:view", response=ContactOut(many=True))
def list_contacts(customer_id):
    return [presenters.contact(c) for c in get_customer(request_session(), customer_id).contacts]


@blp.post("/contacts", "customers:edit", body=ContactIn, response=ContactOut, status=201)
def add_contact(command, customer_id):
    session = request_session()
    return presenters.contact(contacts.add_contact(session, customer_for_change(session, customer_id), command))


@blp.patch("/contacts/<uuid:contact_id>", "customers:edit", body=patch_body(ContactPatch), response=ContactOut)
def update_contact(command, customer_id, contact_id):
    session = request_session()
    customer = customer_for_change(session, customer_id)
    return presenters.contact(contacts.update_contact(session, customer, contact_id, command))


@blp.delete("/contacts/<uuid:contact_id>", "customers:edit")
def remove_contact(customer_id, contact_id):
    session = request_session()
    contacts.remove_contact(session, customer_for_change(session, customer_id), contact_id)


@blp.get("/properties", "customers:view", response=PropertyOut(many=True))
def list_properties(customer_id):
    return [presenters.property_(p) for p in get_customer(request_session(), customer_id).properties]


@blp.post("/properties", "customers:edit", body=PropertyIn, response=PropertyOut, status=201)
def add_property(command, customer_id):
    session = request_session()
    prop = properties.add_property(session, customer_for_change(session, customer_id), command,
                                   geocoder=adapter("geocoder"), now=now())
    return presenters.property_(prop)


@blp.patch("/properties/<uuid:property_id>", "customers:edit", body=patch_body(PropertyPatch), response=PropertyOut)
def update_property(command, customer_id, property_id):
    session = request_session()
    prop = properties.update_property(session, customer_for_change(session, customer_id), property_id, command,
                                      geocoder=adapter("geocoder"), now=now())
    return presenters.property_(prop)


@blp.delete("/properties/<uuid:property_id>", "customers:edit")
def remove_property(customer_id, property_id):
    session = request_session()
    properties.remove_property(session, customer_for_change(session, customer_id), property_id)


@blp.post("/properties/<uuid:property_id>/geocode", "customers:edit", response=PropertyOut)
def geocode_property(customer_id, property_id):
    """Geocode the property again; the answer's geocode state says what happened and why.

    Whatever the geocoder says, the address is kept and the property answered with its state: `geocoded`, or
    the reason there is no location (`not_configured`, `address_not_found`, `quota_exceeded`, `key_refused`,
    `request_refused`, `provider_unavailable`) and that reason in words.
    """
    session = request_session()
    prop = properties.regeocode(session, customer_for_change(session, customer_id), property_id,
                                geocoder=adapter("geocoder"), now=now())
    return presenters.property_(prop)


@blp.get("/properties/<uuid:property_id>/equipment", "customers:view", response=EquipmentOut(many=True))
def list_equipment(customer_id, property_id):
    return properties.find_property(get_customer(request_session(), customer_id), property_id).equipment


@blp.post("/properties/<uuid:property_id>/equipment", "customers:edit", body=EquipmentIn, response=EquipmentOut,
          status=201)
def add_equipment(command, customer_id, property_id):
    session = request_session()
    prop = properties.find_property(customer_for_change(session, customer_id), property_id)
    return properties.add_equipment(session, prop, command)


@blp.patch("/properties/<uuid:property_id>/equipment/<uuid:equipment_id>", "customers:edit",
           body=patch_body(EquipmentPatch), response=EquipmentOut)
def update_equipment(command, customer_id, property_id, equipment_id):
    session = request_session()
    prop = properties.find_property(customer_for_change(session, customer_id), property_id)
    return properties.update_equipment(session, prop, equipment_id, command)


@blp.delete("/properties/<uuid:property_id>/equipment/<uuid:equipment_id>", "customers:edit")
def remove_equipment(customer_id, property_id, equipment_id):
    session = request_session()
    prop = properties.find_property(customer_for_change(session, customer_id), property_id)
    properties.remove_equipment(session, prop, equipment_id)
