"""a property's geocode state carries its reason; a phone keeps its extension beside its E.164 number

Revision ID: 0005
"""
import phonenumbers
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"

# Before this revision the only way to "not_geocoded" was having no key, and a failure's message held the
# provider's status, so the reason of every stored state can be told from what is there.
_REASONS = """
UPDATE properties SET
  geocode_reason = CASE
    WHEN geocode_status = 'not_geocoded' THEN 'not_configured'
    WHEN geocode_status = 'not_found' THEN 'address_not_found'
    WHEN geocode_error LIKE '%REQUEST_DENIED%' THEN 'key_refused'
    WHEN geocode_error LIKE '%OVER_QUERY_LIMIT%' OR geocode_error LIKE '%OVER_DAILY_LIMIT%' THEN 'quota_exceeded'
    WHEN geocode_error LIKE '%INVALID_REQUEST%' THEN 'request_refused'
    ELSE 'provider_unavailable' END,
  geocode_error = CASE
    WHEN geocode_status = 'not_geocoded'
      THEN 'No Google Maps API key is configured (FIELDWORK_GOOGLE_MAPS_API_KEY).'
    WHEN geocode_status = 'not_found' THEN 'Google Maps found no place at this address.'
    ELSE geocode_error END
WHERE geocode_status <> 'geocoded'
"""


def upgrade():
    op.add_column("properties", sa.Column("geocode_reason", sa.String(length=30), nullable=True))
    op.add_column("contact_phones", sa.Column("extension", sa.String(length=20), nullable=True))
    op.execute(_REASONS)
    connection = op.get_bind()
    # Only what was typed with more than digits and punctuation can carry an extension ("x12", "ext. 12", "#12").
    rows = connection.execute(sa.text(r"SELECT id, entered FROM contact_phones WHERE entered !~ '^[\d\s().+\-/]+$'"))
    for phone_id, entered in rows.fetchall():
        try:
            extension = phonenumbers.parse(entered, "US").extension
        except phonenumbers.NumberParseException:
            continue
        if extension:
            connection.execute(sa.text("UPDATE contact_phones SET extension = :extension WHERE id = :id"),
                               {"extension": extension, "id": phone_id})


def downgrade():
    op.drop_column("contact_phones", "extension")
    op.drop_column("properties", "geocode_reason")
