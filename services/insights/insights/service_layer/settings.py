"""The account's insight settings: rule thresholds and the OpenAI connection."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlalchemy.orm import Session

from chassis.errors import ValidationFailed
from insights.adapters.orm import AIAnswer, OpenAISetting, ThresholdSetting
from insights.adapters.secrets import SecretBox
from insights.domain.thresholds import Thresholds

DEFAULT_MODEL = "gpt-4o-mini"


def thresholds(session: Session) -> Thresholds:
    row = session.get(ThresholdSetting, session.info["account_id"])
    return Thresholds.from_stored(row.values if row else None)


def change_thresholds(session: Session, changes: dict[str, int]) -> Thresholds:
    account = session.info["account_id"]
    updated = thresholds(session).updated(changes)
    row = session.get(ThresholdSetting, account)
    if row is None:
        session.add(ThresholdSetting(account_id=account, values=updated.as_dict()))
    else:
        row.values = updated.as_dict()
    return updated


def openai_setting(session: Session) -> OpenAISetting | None:
    return session.get(OpenAISetting, session.info["account_id"])


def describe_openai(row: OpenAISetting | None) -> dict:
    """What the API shows of the connection: never the key, only its last four characters."""
    if row is None:
        return {"configured": False, "model": None, "api_key_last4": None, "updated_at": None, "updated_by": None}
    return {"configured": True, "model": row.model, "api_key_last4": row.key_last4, "updated_at": row.updated_at,
            "updated_by": row.updated_by}


def connect_openai(session: Session, secrets: SecretBox, *, api_key: str | None, model: str | None, by: str,
                   now: dt.datetime) -> OpenAISetting:
    row = openai_setting(session)
    if row is None and api_key is None:
        raise ValidationFailed({"api_key": ["An API key is needed to connect OpenAI."]})
    if row is None:
        row = OpenAISetting(account_id=session.info["account_id"], model=DEFAULT_MODEL)
        session.add(row)
    if api_key is not None:
        row.encrypted_key, row.key_last4 = secrets.seal(api_key), api_key[-4:]
    if model is not None:
        row.model = model
    row.updated_by, row.updated_at = by, now
    session.flush()
    return row


def disconnect_openai(session: Session) -> None:
    """Forgets the key and every answer it paid for."""
    session.execute(delete(OpenAISetting))
    session.execute(delete(AIAnswer))
