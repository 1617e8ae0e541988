"""A portal invite's magic link goes out in the email and nowhere else: the stored copy shows "[portal link]"."""
from __future__ import annotations

import datetime as dt
import email
import secrets
import uuid
from email import policy

from sqlalchemy import text

from chassis.testing.old_database import database_at
from comms.bootstrap import SPEC
from comms.domain.withheld import PORTAL_LINK


def _invite(envelope, customer_id, address):
    link = f"https://portal.fieldwork.test/portal/magic/{secrets.token_urlsafe(24)}"
    return envelope("portal.invite_requested", customer_id=str(customer_id), email=address,
                    invite_id=str(uuid.uuid4()), magic_link=link), link


def _rows_holding(app, link: str) -> dict:
    """Where in comms' database the link is kept, table by table (every row read as text)."""
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        tables = connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'")).scalars()
        return {table: found for table in tables
                if (found := connection.execute(text(f'SELECT count(*) FROM "{table}" t WHERE t::text LIKE :link'),
                                                {"link": f"%{link}%"}).scalar())}


def test_the_feed_shows_the_invite_without_its_link_while_the_email_carries_it(client, auth, app, deliver, envelope,
                                                                                add_customer, run_sender, smtp):
    customer_id = add_customer()
    address = f"dana.{uuid.uuid4().hex[:8]}@example.com"
    invite, link = _invite(envelope, customer_id, address)
    token = link.rpartition("/")[2]
    assert deliver(app, invite)

    [queued] = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    shown = client.get(f"/communications/{queued['id']}", headers=auth)
    assert shown.status_code == 200 and PORTAL_LINK in shown.json["body"]
    assert token not in shown.get_data(as_text=True) and token not in str(queued)

    run_sender()
    [received] = smtp.received_for(address)
    sent = email.message_from_bytes(received.content, policy=policy.default).get_content()
    assert link in sent and PORTAL_LINK not in sent

    after = client.get(f"/communications/{queued['id']}", headers=auth)
    assert after.json["status"] == "sent" and token not in after.get_data(as_text=True)
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth)
    assert token not in feed.get_data(as_text=True)
    assert _rows_holding(app, token) == {}  # once sent, not even the pending delivery keeps it


def test_an_invite_kept_before_this_change_is_redacted_and_one_still_waiting_goes_out_whole(make_database_url):
    account = uuid.uuid4()
    sent_link, waiting_link = (f"https://portal.fieldwork.test/portal/magic/{secrets.token_urlsafe(24)}"
                               for _ in range(2))
    now = dt.datetime.now(dt.timezone.utc)
    with database_at(make_database_url("comms_redaction"), SPEC, "0003") as old:
        with old.engine.begin() as connection:
            for status, link in (("sent", sent_link), ("queued", waiting_link)):
                comm = uuid.uuid4()
                connection.execute(text(
                    "INSERT INTO communications (account_id, id, customer_id, channel, direction, handled_by_kind, "
                    "to_address, subject, body, status, occurred_at, source_ref) VALUES (:a, :id, :c, 'email', "
                    "'outbound', 'staff', 'dana@example.com', 'Your customer portal invitation', :body, :status, :now, "
                    ":ref)"), {"a": account, "id": comm, "c": uuid.uuid4(), "status": status, "now": now,
                               "body": f"Hello Dana,\n\nOpen this link to sign in:\n\n{link}\n\nThe link works once.\n",
                               "ref": f"portal_invite:{uuid.uuid4()}"})
                connection.execute(text(
                    "INSERT INTO deliveries (account_id, communication_id, state, attempts, next_attempt_at) "
                    "VALUES (:a, :id, :state, 0, :now)"),
                    {"a": account, "id": comm, "state": "done" if status == "sent" else "pending", "now": now})
        old.upgrade()
        with old.engine.connect() as connection:
            bodies = connection.execute(text("SELECT status, body FROM communications ORDER BY status")).all()
            withheld = connection.execute(text("SELECT state, withheld FROM deliveries ORDER BY state")).all()
    assert [(status, PORTAL_LINK in body, sent_link in body or waiting_link in body) for status, body in bodies] == [
        ("queued", True, False), ("sent", True, False)]
    assert withheld == [("done", None), ("pending", {PORTAL_LINK: waiting_link})]
