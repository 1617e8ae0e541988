"""What the routes load: request bodies, query arguments and forms, checked as they are read."""
from __future__ import annotations

import json

from flask_smorest.fields import Upload
from marshmallow import ValidationError, fields, validate, validates, validates_schema
from werkzeug.datastructures import FileStorage

from chassis.pagination import PageArgs
from chassis.schemas import CommandSchema, Schema
from customers.domain import import_history
from customers.domain import relations as rules
from customers.domain.addresses import InvalidAddress, checked
from customers.domain.import_layouts import FIELDS, LAYOUTS, MANUAL
from customers.domain.lifecycle import STATUSES
from customers.domain.phones import InvalidPhone, to_e164
from customers.service_layer import commands


KINDS = ("residential", "commercial")
CHANNELS = ("email", "phone", "sms")
EQUIPMENT_KINDS = ("air_conditioner", "furnace", "heat_pump", "mini_split", "water_heater", "garage_door_opener",
                   "other")


def _optional(length: int) -> fields.String:
    return fields.String(allow_none=True, validate=validate.Length(max=length))


class PhoneIn(CommandSchema):
    command = commands.Phone
    number = fields.String(required=True, validate=validate.Length(min=3, max=40))
    label = fields.String(allow_none=True, validate=validate.OneOf(("mobile", "home", "work", "other")))

    @validates("number")
    def _possible(self, value, **_):
        try:
            to_e164(value)
        except InvalidPhone:
            raise ValidationError("Not a possible phone number.") from None


class ContactIn(CommandSchema):
    command = commands.AddContact
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    role = _optional(100)
    emails = fields.List(fields.Email(validate=validate.Length(max=254)), validate=validate.Length(max=10))
    phones = fields.List(fields.Nested(PhoneIn), validate=validate.Length(max=10))
    is_primary = fields.Boolean()


class PropertyIn(CommandSchema):
    command = commands.AddProperty
    line1 = fields.String(required=True, validate=validate.Length(min=1, max=200))
    line2 = _optional(200)
    city = fields.String(required=True, validate=validate.Length(min=1, max=100))
    region = fields.String(required=True, validate=validate.Length(max=100))
    postal_code = fields.String(required=True, validate=validate.Length(max=20))
    country = fields.String(validate=validate.Regexp(r"^[A-Z]{2}$", error="Two capital letters (ISO 3166-1)."))
    kind = fields.String(validate=validate.OneOf(KINDS))
    access_notes = _optional(2000)
    notes = _optional(5000)
    is_primary = fields.Boolean()

    @validates_schema
    def _a_real_address(self, data, **_):
        """Checked here so a property inside a new customer names its place in the body (properties.0.region);
        a PATCH sends part of an address, checked with the rest of it in service_layer.properties."""
        if self.partial:
            return
        try:
            checked(data)
        except InvalidAddress as exc:
            raise ValidationError({name: [message] for name, message in exc.problems.items()}) from None


class EquipmentIn(CommandSchema):
    command = commands.AddEquipment
    kind = fields.String(required=True, validate=validate.OneOf(EQUIPMENT_KINDS))
    make = _optional(100)
    model = _optional(100)
    serial = _optional(100)
    installed_on = fields.Date(allow_none=True)
    warranty_until = fields.Date(allow_none=True)
    notes = _optional(5000)


class DoNotServiceIn(CommandSchema):
    command = commands.DoNotService
    flag = fields.Boolean(required=True)
    reason = _optional(500)


class CustomerFieldsIn(CommandSchema):
    """The fields a new customer and an edit share; each of those names its own command."""

    display_name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    company = _optional(200)
    kind = fields.String(validate=validate.OneOf(KINDS))
    preferred_channel = fields.String(allow_none=True, validate=validate.OneOf(CHANNELS))
    lead_source = _optional(100)
    next_follow_up_at = fields.AwareDateTime(allow_none=True, default_timezone=None)
    do_not_service = fields.Nested(DoNotServiceIn)


class CustomerIn(CustomerFieldsIn):
    command = commands.CreateCustomer
    status = fields.String(validate=validate.OneOf(STATUSES))
    tags = fields.List(fields.String(validate=validate.Length(min=1, max=40)), validate=validate.Length(max=50))
    contacts = fields.List(fields.Nested(ContactIn), validate=validate.Length(max=20))
    properties = fields.List(fields.Nested(PropertyIn), validate=validate.Length(max=20))


class StatusIn(CommandSchema):
    command = commands.ChangeStatus
    to = fields.String(required=True, validate=validate.OneOf(STATUSES))
    reason = _optional(200)


class TagIn(CommandSchema):
    command = commands.AddTag
    tag = fields.String(required=True, validate=validate.Length(min=1, max=40))


class NoteIn(CommandSchema):
    command = commands.AddNote
    body = fields.String(required=True, validate=validate.Length(min=1, max=20000))
    pinned = fields.Boolean()
    communication_id = fields.UUID(allow_none=True)


class MergeIn(CommandSchema):
    command = commands.MergeCustomer
    duplicate_id = fields.UUID(required=True)


class InviteIn(CommandSchema):
    command = commands.InviteToPortal
    email = fields.Email(allow_none=True)
    expires_in_days = fields.Integer(validate=validate.Range(min=1, max=30))


class RedeemIn(CommandSchema):
    command = commands.RedeemInvite
    token = fields.String(required=True, validate=validate.Length(min=10, max=500))


class SearchArgs(PageArgs):
    q = fields.String(validate=validate.Length(min=1, max=200))
    include_archived = fields.Boolean(load_default=False)
    status = fields.String(validate=validate.OneOf(STATUSES))
    tag = fields.String(validate=validate.Length(min=1, max=40))
    kind = fields.String(validate=validate.OneOf(KINDS), metadata={"description": "Only customers of this kind."})
    member = fields.Boolean(metadata={"description": "Only members (enrolled in an active maintenance plan), or "
                                                     "only those who are not."})


def patch_body(schema: type[Schema]) -> Schema:
    """A PATCH body of ``schema``: any top-level field may be left out, but an object sent is validated whole.

    ``partial=True`` would reach into nested objects too and let ``{"do_not_service": {"reason": "x"}}`` or a phone
    without its number through to code that needs them; naming the top-level fields stops at the first level.
    """
    return schema(partial=tuple(schema().fields))


# PATCH bodies: the same fields, all optional (own names keep the OpenAPI document unambiguous), loaded as edit
# commands whose fields not sent stay UNSET.
class CustomerPatch(CustomerFieldsIn):
    command = commands.EditCustomer


class ContactPatch(ContactIn):
    command = commands.EditContact


class PropertyPatch(PropertyIn):
    command = commands.EditProperty


class EquipmentPatch(EquipmentIn):
    command = commands.EditEquipment


class NotePatch(NoteIn):
    command = commands.EditNote


OUTCOMES = ("created", "matched", "skipped")
IMPORT_KINDS = ("customers", "history")


class ExportUpload(Upload):
    """The export as a file field, loaded as its name and bytes."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, FileStorage):
            raise ValidationError("Send the export as a file, not as text.")
        return commands.ExportFile(filename=value.filename or "export.csv", data=value.read())


class ManualMapping(fields.String):
    """A JSON object sent as text, our field → the file's column, loaded as that object."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            parsed = json.loads(text)
        except ValueError:
            raise ValidationError("Not JSON: send an object, our field → the file's column.") from None
        if not isinstance(parsed, dict) or not all(isinstance(v, str) for v in parsed.values()):
            raise ValidationError("Send an object whose values are column names.")
        return parsed


class ImportUpload(CommandSchema):
    """A multipart body: the CSV export as the file field ``file``, its layout, and for ``manual`` the mapping."""

    command = commands.UploadImport
    file = ExportUpload(required=True)
    kind = fields.String(load_default="customers", validate=validate.OneOf(IMPORT_KINDS), metadata={
        "description": "customers (with contacts and properties), or history: their past jobs and invoices"})
    layout = fields.String(required=True, validate=validate.OneOf([*LAYOUTS, *import_history.LAYOUTS, MANUAL]))
    manual = ManualMapping(data_key="mapping", load_default=None, metadata={
        "description": "For layout `manual`: a JSON object, our field → the file's column. Fields of customers: "
                       + ", ".join(FIELDS) + "; of history: " + ", ".join(import_history.FIELDS)})


class ImportRowArgs(Schema):
    after = fields.Integer(load_default=0, validate=validate.Range(min=0))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    outcome = fields.String(load_default=None, validate=validate.OneOf(OUTCOMES))


class LayoutArgs(Schema):
    kind = fields.String(load_default="customers", validate=validate.OneOf(IMPORT_KINDS))


class EraseIn(CommandSchema):
    command = commands.EraseCustomer
    confirm_name = fields.String(required=True, validate=validate.Length(min=1, max=200), metadata={
        "description": "The customer's name as the person asking for the erasure typed it: the name it has now."})


class RelationIn(CommandSchema):
    command = commands.LinkCustomer
    related_id = fields.UUID(required=True, metadata={"description": "The other customer."})
    kind = fields.String(required=True, validate=validate.OneOf(rules.KINDS), metadata={
        "description": "This customer is <kind> of the other: bill_to (the other pays this one's bills), tenant (the "
                       "other is this one's property manager), household (the same household)."})


class ReviewSettings(CommandSchema):
    command = commands.SetReviewRequests
    send_review_requests = fields.Boolean(required=True, metadata={"description": (
        "Send a review request (a portal link by the customer's preferred channel) when a job is completed; on "
        "until turned off. Never to a customer flagged do-not-service.")})
