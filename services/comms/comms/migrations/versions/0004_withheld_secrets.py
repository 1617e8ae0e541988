"""deliveries.withheld: secrets a stored message shows as placeholders; stored portal links redacted

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"

# Written out as they stand at this revision (never imported from the code, which may change).
PORTAL_LINK = "[portal link]"
LINK = r"https?://[^[:space:]]+"


def upgrade():
    op.add_column("deliveries", sa.Column("withheld", postgresql.JSONB(), nullable=True))
    # An invite still waiting to go out keeps its link beside the delivery; every stored body loses it.
    op.execute(sa.text(
        "UPDATE deliveries d SET withheld = jsonb_build_object(:placeholder, substring(c.body FROM :link)) "
        "FROM communications c WHERE c.id = d.communication_id AND d.state = 'pending' "
        "AND c.source_ref LIKE 'portal_invite:%' AND c.body ~ :link"
    ).bindparams(placeholder=PORTAL_LINK, link=LINK))
    op.execute(sa.text(
        "UPDATE communications SET body = regexp_replace(body, :link, :placeholder, 'g') "
        "WHERE source_ref LIKE 'portal_invite:%' AND body ~ :link"
    ).bindparams(placeholder=PORTAL_LINK, link=LINK))
