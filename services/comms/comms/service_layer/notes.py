"""Notes customers keeps about communications, from `note.changed`: the newest state of each note wins."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from comms.adapters.orm import CommunicationNote


def apply_note(session: Session, account_id: uuid.UUID, note_id: uuid.UUID, communication_id: uuid.UUID | None,
               body: str, *, deleted: bool, changed_at: dt.datetime) -> None:
    """Keeps the note on its communication; an unlinked or deleted note stays as a row on none, without its text.

    Events may arrive twice or out of order: only a later ``changed_at`` replaces what is held.
    """
    if deleted:
        communication_id, body = None, ""
    stmt = insert(CommunicationNote).values(note_id=note_id, account_id=account_id, communication_id=communication_id,
                                            body=body, changed_at=changed_at)
    session.execute(stmt.on_conflict_do_update(
        index_elements=[CommunicationNote.note_id],
        set_={"communication_id": stmt.excluded.communication_id, "body": stmt.excluded.body,
              "changed_at": stmt.excluded.changed_at},
        where=(CommunicationNote.changed_at < stmt.excluded.changed_at)
        & (CommunicationNote.account_id == account_id)))
