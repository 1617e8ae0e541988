"""timeline links under /api: rows written before every public path carried the gateway's /api prefix

Revision ID: 0010
"""
from alembic import op

revision = "0010"
down_revision = "0009"

# Only our own record paths: a link already under /api, or anything else, is left as it is.
_OLD = "link ~ '^/(jobs|estimates|plans|photos)/'"


def upgrade():
    op.execute(f"UPDATE activity SET link = '/api' || link WHERE {_OLD}")


def downgrade():
    op.execute("UPDATE activity SET link = substr(link, 5) WHERE link ~ '^/api/(jobs|estimates|plans|photos)/'")
