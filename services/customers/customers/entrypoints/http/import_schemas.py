"""The wire shapes of imports: the upload, its dry run, its progress, its per-row report, archived data."""
from __future__ import annotations

import json

from flask_smorest.fields import Upload
from marshmallow import Schema, ValidationError, fields, validate, validates
from werkzeug.datastructures import FileStorage

from customers.domain import import_history
from customers.domain.import_layouts import FIELDS, LAYOUTS, MANUAL

OUTCOMES = ("created", "matched", "skipped")
KINDS = ("customers", "history")


class ImportUpload(Schema):
    """A multipart body: the CSV export as the file field ``file``, its layout, and for ``manual`` the mapping."""

    file = Upload(required=True)
    kind = fields.String(load_default="customers", validate=validate.OneOf(KINDS), metadata={
        "description": "customers (with contacts and properties), or history: their past jobs and invoices"})
    layout = fields.String(required=True, validate=validate.OneOf([*LAYOUTS, *import_history.LAYOUTS, MANUAL]))
    mapping = fields.String(load_default=None, metadata={
        "description": "For layout `manual`: a JSON object, our field → the file's column. Fields of customers: "
                       + ", ".join(FIELDS) + "; of history: " + ", ".join(import_history.FIELDS)})

    @validates("file")
    def _a_file(self, upload, **_):
        if not isinstance(upload, FileStorage):
            raise ValidationError("Send the export as a file, not as text.")

    @validates("mapping")
    def _json_object(self, value, **_):
        if value is None:
            return
        try:
            parsed = json.loads(value)
        except ValueError:
            raise ValidationError("Not JSON: send an object, our field → the file's column.") from None
        if not isinstance(parsed, dict) or not all(isinstance(v, str) for v in parsed.values()):
            raise ValidationError("Send an object whose values are column names.")


class ImportRowArgs(Schema):
    after = fields.Integer(load_default=0, validate=validate.Range(min=0))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    outcome = fields.String(load_default=None, validate=validate.OneOf(OUTCOMES))


class ImportRowOut(Schema):
    row_number = fields.Integer()
    outcome = fields.String(metadata={"description": "created, matched or skipped"})
    customer_id = fields.UUID(allow_none=True)
    matched_by = fields.String(allow_none=True, metadata={
        "description": "previous import, number, phone, email or earlier row"})
    reason = fields.String(allow_none=True)


class ImportRowPage(Schema):
    items = fields.List(fields.Nested(ImportRowOut))
    next_after = fields.Integer(allow_none=True, metadata={"description": "Pass as `after` for the next page."})


class PreviewAddress(Schema):
    line1 = fields.String()
    line2 = fields.String(allow_none=True)
    city = fields.String()
    region = fields.String()
    postal_code = fields.String()
    country = fields.String()


class PreviewRow(Schema):
    row_number = fields.Integer()
    display_name = fields.String()
    company = fields.String(allow_none=True)
    kind = fields.String()
    emails = fields.List(fields.String())
    phones = fields.List(fields.String())
    address = fields.Nested(PreviewAddress, allow_none=True)
    tags = fields.List(fields.String())
    archived = fields.Dict(keys=fields.String(), values=fields.String(),
                           metadata={"description": "The columns mapped to nothing, kept as archived data."})


class ImportOut(Schema):
    id = fields.UUID()
    kind = fields.String(metadata={"description": "customers, or history (past jobs and invoices)"})
    filename = fields.String()
    layout = fields.String()
    status = fields.String(metadata={"description": "ready (dry run done), running, done, failed (a batch failed "
                                                    "again and again: POST …/retry once the cause is fixed)"})
    total_rows = fields.Integer()
    rows_done = fields.Integer()
    rows_created = fields.Integer()
    rows_matched = fields.Integer()
    rows_failed = fields.Integer()
    seconds_left = fields.Integer(allow_none=True, metadata={"description": "Estimated, while running."})
    attempts = fields.Integer(metadata={"description": "Failed tries of the batch at the position reached."})
    error = fields.String(allow_none=True, metadata={"description": "Why the last try failed (the rows and the kind "
                                                                    "of error), until a batch succeeds."})
    created_by = fields.String()
    created_at = fields.DateTime(format="iso")
    started_at = fields.DateTime(format="iso", allow_none=True)
    finished_at = fields.DateTime(format="iso", allow_none=True)


class PastJobPreview(Schema):
    source_number = fields.String(allow_none=True)
    title = fields.String()
    description = fields.String(allow_none=True)
    completed_on = fields.Date()
    technician = fields.String(allow_none=True)


class PastInvoicePreview(Schema):
    source_number = fields.String(allow_none=True)
    issued_on = fields.Date()
    due_on = fields.Date(allow_none=True)
    currency = fields.String()
    total_cents = fields.Integer()
    paid_cents = fields.Integer()
    voided = fields.Boolean()
    description = fields.String()


class HistoryPreviewRow(Schema):
    row_number = fields.Integer()
    customer = fields.String(metadata={"description": "How the row names its customer (\"customer id 1042\")."})
    job = fields.Nested(PastJobPreview, allow_none=True)
    invoice = fields.Nested(PastInvoicePreview, allow_none=True)
    archived = fields.Dict(keys=fields.String(), values=fields.String(),
                           metadata={"description": "The columns mapped to nothing, kept on the customer's Archived data."})


class DryRunOut(Schema):
    rows_checked = fields.Integer(metadata={"description": "The first rows, each reported on below."})
    would_create = fields.Integer()
    would_match = fields.Integer()
    would_skip = fields.Integer()
    mapping = fields.Dict(keys=fields.String(), values=fields.String())
    preview = fields.List(fields.Nested(PreviewRow), dump_default=list,
                          metadata={"description": "A customer import's first rows as they will be stored."})
    history_preview = fields.List(fields.Nested(HistoryPreviewRow), dump_default=list,
                                  metadata={"description": "A history import's first rows as they will be sent."})
    report = fields.List(fields.Nested(ImportRowOut))


class ImportCreatedOut(Schema):
    import_ = fields.Nested(ImportOut, data_key="import")
    dry_run = fields.Nested(DryRunOut)


class LayoutOut(Schema):
    name = fields.String()
    label = fields.String()
    columns = fields.Dict(keys=fields.String(), values=fields.String())


class LayoutArgs(Schema):
    kind = fields.String(load_default="customers", validate=validate.OneOf(KINDS))


class LayoutsOut(Schema):
    layouts = fields.List(fields.Nested(LayoutOut))
    fields_ = fields.Dict(keys=fields.String(), values=fields.String(), data_key="fields")


class ArchivedFieldOut(Schema):
    name = fields.String()
    value = fields.String()


class ArchivedRecordOut(Schema):
    id = fields.UUID()
    source = fields.String(metadata={"description": "The system it was imported from."})
    import_id = fields.UUID(allow_none=True)
    imported_at = fields.DateTime(format="iso")
    fields_ = fields.List(fields.Nested(ArchivedFieldOut), data_key="fields")


class ArchivedOut(Schema):
    items = fields.List(fields.Nested(ArchivedRecordOut))
