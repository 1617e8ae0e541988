"""Properties (exactly one primary, geocoded when a key is configured) and the equipment at each."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis.errors import NotFound, ValidationFailed
from customers.adapters import geocoding
from customers.adapters.geocoding import Geocoder, GeocodingFailed
from customers.adapters.orm import Customer, Equipment, Property
from customers.domain import addresses
from customers.domain.primary import keep_one_primary, make_primary, refuse_unsetting_primary
from customers.domain.snapshot import address_of
from chassis.commands import sent
from customers.service_layer.commands import AddEquipment, AddProperty, EditEquipment, EditProperty
from customers.service_layer.customer_changes import customer_change

ADDRESS_FIELDS = ("line1", "line2", "city", "region", "postal_code", "country")
OTHER_FIELDS = ("kind", "access_notes", "notes")


def geocode(prop: Property, geocoder: Geocoder, *, now: dt.datetime) -> None:
    """Fills the location; whatever happens the address as typed is kept and the state says what happened and why
    (``geocode_reason``, one of adapters.geocoding's codes, and ``geocode_error`` in words)."""
    prop.latitude = prop.longitude = prop.formatted_address = prop.geocoded_at = None
    prop.geocode_reason = prop.geocode_error = None
    try:
        found = geocoder.geocode(address_of(prop))
    except GeocodingFailed as exc:
        prop.geocode_status = "not_geocoded" if exc.reason == geocoding.NOT_CONFIGURED else "failed"
        prop.geocode_reason, prop.geocode_error = exc.reason, exc.message[:300]
        return
    if found is None:
        prop.geocode_status, prop.geocode_reason = "not_found", geocoding.ADDRESS_NOT_FOUND
        prop.geocode_error = "Google Maps found no place at this address."
        return
    prop.geocode_status, prop.geocoded_at = "geocoded", now
    prop.latitude, prop.longitude, prop.formatted_address = found.latitude, found.longitude, found.formatted_address


def _check_address(prop: Property) -> None:
    """The address is a real one (addresses.checked), kept in its standard form; else 422 on the wrong fields."""
    try:
        standard = addresses.checked(address_of(prop))
    except addresses.InvalidAddress as exc:
        raise ValidationFailed({name: [message] for name, message in exc.problems.items()}) from None
    prop.country, prop.region, prop.postal_code = standard["country"], standard["region"], standard["postal_code"]


def _apply(customer: Customer, prop: Property, body: dict) -> None:
    for name in ADDRESS_FIELDS + OTHER_FIELDS:
        if name in body:
            setattr(prop, name, body[name])
    refuse_unsetting_primary(prop, body.get("is_primary"))
    if body.get("is_primary"):
        make_primary(customer.properties, prop)
    keep_one_primary(customer.properties)


def add_property(session: Session, customer: Customer, command: AddProperty, *, geocoder: Geocoder,
                 now: dt.datetime, publish: bool = True) -> Property:
    def add() -> Property:
        prop = Property(customer_id=customer.id, is_primary=False)
        customer.properties.append(prop)
        _apply(customer, prop, {**sent(command), "kind": command.kind or customer.kind})
        _check_address(prop)
        geocode(prop, geocoder, now=now)
        session.flush()
        return prop
    if not publish:
        return add()
    with customer_change(session, customer):
        return add()


def find_property(customer: Customer, property_id: uuid.UUID) -> Property:
    prop = next((p for p in customer.properties if p.id == property_id), None)
    if prop is None:
        raise NotFound("No such property for this customer.")
    return prop


def update_property(session: Session, customer: Customer, property_id: uuid.UUID, command: EditProperty, *,
                    geocoder: Geocoder, now: dt.datetime) -> Property:
    prop = find_property(customer, property_id)
    with customer_change(session, customer):
        before = address_of(prop)
        _apply(customer, prop, sent(command))
        if address_of(prop) != before:  # an address kept from before these checks may still be edited around
            _check_address(prop)
            geocode(prop, geocoder, now=now)
    return prop


def regeocode(session: Session, customer: Customer, property_id: uuid.UUID, *, geocoder: Geocoder,
              now: dt.datetime) -> Property:
    prop = find_property(customer, property_id)
    geocode(prop, geocoder, now=now)
    session.flush()
    return prop


def remove_property(session: Session, customer: Customer, property_id: uuid.UUID) -> None:
    prop = find_property(customer, property_id)
    with customer_change(session, customer):
        customer.properties.remove(prop)
        keep_one_primary(customer.properties)


def find_equipment(prop: Property, equipment_id: uuid.UUID) -> Equipment:
    item = next((e for e in prop.equipment if e.id == equipment_id), None)
    if item is None:
        raise NotFound("No such equipment at this property.")
    return item


def add_equipment(session: Session, prop: Property, command: AddEquipment) -> Equipment:
    item = Equipment(property_id=prop.id, **sent(command))
    prop.equipment.append(item)
    session.flush()
    return item


def update_equipment(session: Session, prop: Property, equipment_id: uuid.UUID, command: EditEquipment) -> Equipment:
    item = find_equipment(prop, equipment_id)
    for name, value in sent(command).items():
        setattr(item, name, value)
    session.flush()
    return item


def remove_equipment(session: Session, prop: Property, equipment_id: uuid.UUID) -> None:
    item = find_equipment(prop, equipment_id)
    prop.equipment.remove(item)
    session.flush()
