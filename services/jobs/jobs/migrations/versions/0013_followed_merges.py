"""customer merges in the chassis's shape (chassis.merge_follower): merges gain a state, merged_records become
merge_moves

Revision ID: 0013
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"


def upgrade():
    # A merge was undone when it has an undo time; every row kept so far saw its merge before any undo.
    op.add_column("merges", sa.Column("state", sa.String(10)))
    op.execute("UPDATE merges SET state = CASE WHEN unmerged_at IS NULL THEN 'merged' ELSE 'undone' END")
    op.alter_column("merges", "state", nullable=False)
    op.create_check_constraint("merges_state", "merges", "state IN ('merged', 'undone')")
    op.alter_column("merges", "unmerged_at", new_column_name="undone_at")
    # Null from now on for a merge whose undo came first (it never moved anything here).
    op.alter_column("merges", "merged_at", nullable=True, server_default=None)

    # The part store's triggers stay on the table through the rename; the moved ids' table names already match.
    op.rename_table("merged_records", "merge_moves")
    op.execute("ALTER TABLE merge_moves RENAME CONSTRAINT merged_records_pkey TO merge_moves_pkey")
    op.execute("ALTER TABLE merge_moves RENAME CONSTRAINT merged_records_merge_id_fkey TO merge_moves_merge_id_fkey")
    op.execute("ALTER INDEX ix_merged_records_account_id RENAME TO ix_merge_moves_account_id")
    op.alter_column("merge_moves", "table_name", type_=sa.String(40))


def downgrade():
    op.alter_column("merge_moves", "table_name", type_=sa.String(30))
    op.execute("ALTER INDEX ix_merge_moves_account_id RENAME TO ix_merged_records_account_id")
    op.execute("ALTER TABLE merge_moves RENAME CONSTRAINT merge_moves_merge_id_fkey TO merged_records_merge_id_fkey")
    op.execute("ALTER TABLE merge_moves RENAME CONSTRAINT merge_moves_pkey TO merged_records_pkey")
    op.rename_table("merge_moves", "merged_records")

    # An undo that came first has no merge time; it keeps the undo's, so it still reads as undone.
    op.execute("UPDATE merges SET merged_at = coalesce(merged_at, undone_at, now())")
    op.alter_column("merges", "merged_at", nullable=False, server_default=sa.text("now()"))
    op.alter_column("merges", "undone_at", new_column_name="unmerged_at")
    op.drop_constraint("merges_state", "merges", type_="check")
    op.drop_column("merges", "state")
