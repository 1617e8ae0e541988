"""The account's insight settings: rule thresholds and the OpenAI connection."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict

from sqlalchemy import delete
from sqlalchemy.orm import Session

from chassis.db import Database
from chassis.errors import Conflict, ValidationFailed
from insights.adapters.openai_advisor import AdvisorUnavailable, OpenAIAdvisor
from insights.adapters.orm import AIAnswer, OpenAISetting, ThresholdSetting
from insights.adapters.secrets import SecretBox, SecretUnreadable
from chassis.commands import sent
from insights.service_layer.commands import ChangeThresholds, ConnectOpenAI, ReplaceThresholds
from insights.domain.thresholds import Thresholds

DEFAULT_MODEL = "gpt-4o-mini"


def thresholds(session: Session) -> Thresholds:
    row = session.get(ThresholdSetting, session.info["account_id"])
    return Thresholds.from_stored(row.values if row else None)


def change_thresholds(session: Session, command: ChangeThresholds) -> Thresholds:
    account = session.info["account_id"]
    updated = thresholds(session).updated(sent(command))
    row = session.get(ThresholdSetting, account)
    if row is None:
        session.add(ThresholdSetting(account_id=account, values=updated.as_dict()))
    else:
        row.values = updated.as_dict()
    return updated


def replace_thresholds(session: Session, command: ReplaceThresholds) -> Thresholds:
    """Every threshold at once (the settings form's save)."""
    updated = Thresholds(**asdict(command))
    account = session.info["account_id"]
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


def connect_openai(session: Session, secrets: SecretBox, command: ConnectOpenAI, *, by: str,
                   now: dt.datetime) -> OpenAISetting:
    api_key, model = command.api_key, command.model
    if api_key is None and model is None:
        raise ValidationFailed({"api_key": ["Give an API key, a model, or both."]})
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


CHECK_MESSAGES = {
    None: "OpenAI answered: the key and the model work.",
    "key_refused": "OpenAI refused the API key: check it in your OpenAI account and enter it again.",
    "model_not_found": "OpenAI does not know this model, or the key may not use it: choose another model.",
    "timeout": "OpenAI did not answer in time: try again in a moment.",
    "error": "OpenAI answered with an error: try again in a moment.",
    "invalid_answer": "OpenAI answered, but not in the shape asked for: choose a model that supports JSON schemas.",
    "key_unreadable": "The stored key cannot be read any more: enter it again.",
}


def stored_key(session: Session, secrets: SecretBox) -> tuple[OpenAISetting, str | None]:
    """The connection (the caller knows there is one) and its key in the clear, or None when it cannot be read."""
    row = openai_setting(session)
    try:
        return row, secrets.open(row.encrypted_key)
    except SecretUnreadable:
        return row, None


def check_connection(database: Database, account_id: uuid.UUID, secrets: SecretBox, advisor: OpenAIAdvisor, *,
                     now: dt.datetime) -> dict:
    """Asks the model one small question with the account's stored key; 409 when OpenAI is not connected."""
    with database.transaction(account_id=account_id) as session:
        if openai_setting(session) is None:
            raise Conflict("OpenAI is not connected: save an API key first.")
        row, api_key = stored_key(session, secrets)
        model = row.model
    # No transaction is held open while the model answers.
    return check_openai(advisor, api_key, model, now)


def check_openai(advisor: OpenAIAdvisor, api_key: str | None, model: str, now: dt.datetime) -> dict:
    """Whether the stored key and model answer a small question; never says anything of the key."""
    reason = "key_unreadable" if api_key is None else None
    if api_key is not None:
        try:
            advisor.check(api_key, model)
        except AdvisorUnavailable as exc:
            reason = exc.reason
    return {"ok": reason is None, "model": model, "reason": reason,
            "message": CHECK_MESSAGES.get(reason, CHECK_MESSAGES["error"]), "checked_at": now}
