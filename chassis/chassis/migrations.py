"""Alembic, run the same way by every service: create the database if needed, then upgrade to head."""
from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)
# Every process of a service upgrades at start; the lock makes the first one do it and the rest wait.
_MIGRATION_LOCK = 7_346_110


def ensure_database(url: str) -> None:
    """Creates the service's database when it does not exist yet (local runs and tests)."""
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                        {"n": target.database}).scalar()
            if not exists:
                try:
                    connection.execute(text(f'CREATE DATABASE "{target.database}"'))
                    log.info("created database", extra={"database": target.database})
                except DBAPIError:
                    # Every process of a service starts by creating it: another one may have won the race.
                    if not connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                              {"n": target.database}).scalar():
                        raise
    finally:
        admin.dispose()


def alembic_config(url: str, script_location: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, script_location: Path, *, create: bool = True) -> None:
    if create:
        ensure_database(url)
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
            try:
                config = alembic_config(url, script_location)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                connection.commit()
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
                connection.commit()
    finally:
        engine.dispose()


def run_env(target_metadata) -> None:
    """The body of every service's ``migrations/env.py``."""
    from alembic import context

    connection = context.config.attributes.get("connection")
    if connection is None:
        engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
        with engine.connect() as connection:
            _run(context, connection, target_metadata)
            connection.commit()
        engine.dispose()
    else:
        _run(context, connection, target_metadata)


def compared_tables(target_metadata):
    """What autogenerate compares: the service's own tables, not the chassis's (their migrations are the chassis's
    `create_*_v1`). A table the service defines itself keeps its name even where the chassis has one of the same
    name (customers owns `merges`, the merge follower's table in the services that follow merges)."""
    from chassis.db.schema import CHASSIS_TABLES

    own = set(target_metadata.tables) if target_metadata is not None else set()

    def include_object(obj, name, type_, *_):
        return not (type_ == "table" and name in CHASSIS_TABLES and name not in own)
    return include_object


def _run(context, connection, target_metadata) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      include_object=compared_tables(target_metadata), compare_type=True)
    with context.begin_transaction():
        context.run_migrations()
