"""customer merges in the chassis's shape (chassis.merge_follower): an undone merge's state is "undone", undone_at

Revision ID: 0011
"""
from alembic import op

revision = "0011"
down_revision = "0010"


def upgrade():
    # merge_moves already has the shape (table_name, record_id); merges keep every row, in the chassis's words.
    op.execute("UPDATE merges SET state = 'undone' WHERE state = 'unmerged'")
    op.create_check_constraint("merges_state", "merges", "state IN ('merged', 'undone')")
    op.alter_column("merges", "unmerged_at", new_column_name="undone_at")
    # Null from now on for a merge whose undo came first (it never moved anything here).
    op.alter_column("merges", "merged_at", nullable=True)


def downgrade():
    # An undo that came first has no merge time; it keeps the undo's, so it still reads as undone.
    op.execute("UPDATE merges SET merged_at = coalesce(merged_at, undone_at, now())")
    op.alter_column("merges", "merged_at", nullable=False)
    op.alter_column("merges", "undone_at", new_column_name="unmerged_at")
    op.drop_constraint("merges_state", "merges", type_="check")
    op.execute("UPDATE merges SET state = 'unmerged' WHERE state = 'undone'")
