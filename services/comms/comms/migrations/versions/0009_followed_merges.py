"""customer merges in the chassis's shape (chassis.merge_follower): merges gain their times, merge_moves name tables

Revision ID: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"

_TABLES = {"communication": "communications", "sms_thread": "sms_threads"}


def upgrade():
    # merges kept before this revision do not know when they happened: their times stay null.
    op.add_column("merges", sa.Column("merged_at", sa.DateTime(timezone=True)))
    op.add_column("merges", sa.Column("undone_at", sa.DateTime(timezone=True)))
    op.create_check_constraint("merges_state", "merges", "state IN ('merged', 'undone')")

    op.alter_column("merge_moves", "record_kind", new_column_name="table_name", type_=sa.String(40))
    for kind, table in _TABLES.items():
        op.execute(sa.text("UPDATE merge_moves SET table_name = :table WHERE table_name = :kind")
                   .bindparams(table=table, kind=kind))
    # Every move was written with its merge, in one transaction: none is without one.
    op.create_foreign_key("merge_moves_merge_id_fkey", "merge_moves", "merges", ["merge_id"], ["merge_id"])


def downgrade():
    op.drop_constraint("merge_moves_merge_id_fkey", "merge_moves", type_="foreignkey")
    for kind, table in _TABLES.items():
        op.execute(sa.text("UPDATE merge_moves SET table_name = :kind WHERE table_name = :table")
                   .bindparams(table=table, kind=kind))
    op.alter_column("merge_moves", "table_name", new_column_name="record_kind", type_=sa.String(15))
    op.drop_constraint("merges_state", "merges", type_="check")
    op.drop_column("merges", "undone_at")
    op.drop_column("merges", "merged_at")
