"""What `/readyz` adds for a service with a database: the broker, the outbox backlog, the dead letters."""
from __future__ import annotations

from sqlalchemy import text

from chassis.messaging.broker import connect
from chassis.messaging.dead_letters import dead_letter_count
from chassis.messaging.options import MessagingOptions

_BACKLOG = text("SELECT count(*), extract(epoch FROM clock_timestamp() - min(created_at)) "
                "FROM outbox WHERE sent_at IS NULL")


def add_messaging_checks(runtime) -> None:
    settings, database = runtime.settings, runtime.database
    options = MessagingOptions.from_settings(settings)
    consumes = runtime.spec.handlers is not None and bool(runtime.spec.handlers.types)

    def broker() -> dict:
        if consumes:  # one connection answers both "reachable" and "how many dead letters"
            return {"dead_lettered": dead_letter_count(settings, options)}
        connect(settings, options, "readiness").close()
        return {}

    def outbox() -> dict:
        # Reported, not judged: a backlog means the relay is behind, not that this process cannot serve.
        with database.engine.connect() as connection:
            backlog, oldest_age = connection.execute(_BACKLOG).one()
        return {"backlog": backlog, "oldest_unsent_age_seconds": round(float(oldest_age or 0), 3)}

    runtime.readiness_checks["broker"] = broker
    runtime.readiness_checks["outbox"] = outbox
