"""imports from another system: the uploaded files, their per-row report, the natural keys already imported, and
the columns that mapped to nothing, kept per customer

Revision ID: 0009
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from chassis.db.part_store import ByColumns, watch_tables

revision = "0009"
down_revision = "0008"


def upgrade():
    op.create_table(
        "imports",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("layout", sa.String(30), nullable=False),
        sa.Column("mapping", JSONB, nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        # The file as text: the importer reads its rows from here, from `position` on, so a run resumes.
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("total_rows", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("rows_created", sa.Integer, nullable=False, server_default="0"),
        sa.Column("rows_matched", sa.Integer, nullable=False, server_default="0"),
        sa.Column("rows_failed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True)),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
    )
    op.create_index("imports_unfinished", "imports", ["status"], postgresql_where=sa.text("status = 'running'"))
    op.create_table(
        "import_rows",
        sa.Column("import_id", sa.Uuid, sa.ForeignKey("imports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("row_number", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False),
        sa.Column("outcome", sa.String(10), nullable=False),
        sa.Column("customer_id", sa.Uuid),
        sa.Column("matched_by", sa.String(20)),
        sa.Column("reason", sa.String(300)),
    )
    # A row's natural key (the source system's customer id, else its phone or email): a second import of the
    # same row finds it here and creates nothing.
    op.create_table(
        "import_keys",
        sa.Column("account_id", sa.Uuid, primary_key=True),
        sa.Column("source_key", sa.String(300), primary_key=True),
        sa.Column("customer_id", sa.Uuid, nullable=False),
    )
    op.create_table(
        "customer_archived_fields",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False),
        sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("import_id", sa.Uuid, sa.ForeignKey("imports.id", ondelete="SET NULL")),
        sa.Column("source", sa.String(60), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fields", JSONB, nullable=False),  # [[column, value], …] in the file's order (an object sorts them)
    )
    op.create_index("customer_archived_fields_by_customer", "customer_archived_fields",
                    ["account_id", "customer_id", "imported_at"])
    watch_tables(op, {"customer_archived_fields": ByColumns()})
    # An imported row is matched to a customer already here by its phone, email or our number: exact lookups of a
    # batch's values, which the trigram indexes of search answer only by reading every candidate.
    op.create_index("contact_phones_by_e164", "contact_phones", ["account_id", "e164"])
    op.create_index("contact_emails_by_address", "contact_emails", ["account_id", "address_lower"])
    op.create_index("customers_by_number", "customers", ["account_id", "number"])


def downgrade():
    op.drop_index("customers_by_number", "customers")
    op.drop_index("contact_emails_by_address", "contact_emails")
    op.drop_index("contact_phones_by_e164", "contact_phones")
    op.drop_table("customer_archived_fields")
    op.drop_table("import_keys")
    op.drop_table("import_rows")
    op.drop_table("imports")
