"""The compose PostgreSQL init script, run on the real server: one database per service, closed to the others."""

import re

import psycopg
import pytest
from sqlalchemy.engine import make_url

from fieldwork_processes import DOMAIN_SERVICES


@pytest.fixture
def init_script_prefix(repo, infrastructure, run_id):
    """Runs the init script with this run's own role and database names; drops them after."""
    prefix = f"fwtest_{run_id}_".lower()
    script = (repo / "deploy/docker/postgres-init.sql").read_text().replace("fieldwork_", prefix)
    statements = [s.strip() for s in re.sub(r"--[^\n]*", "", script).split(";") if s.strip()]
    admin_url = _libpq_url(infrastructure.postgres_url)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        try:
            for statement in statements:
                admin.execute(statement)  # CREATE DATABASE cannot run inside a transaction
            yield prefix
        finally:
            for service in DOMAIN_SERVICES:
                admin.execute(f'DROP DATABASE IF EXISTS "{prefix}{service}" WITH (FORCE)')
                admin.execute(f'DROP ROLE IF EXISTS "{prefix}{service}"')


def _libpq_url(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def test_each_service_role_migrates_its_own_database_and_cannot_read_another(infrastructure, init_script_prefix):
    prefix = init_script_prefix
    for owner in ("customers", "jobs"):
        with psycopg.connect(_libpq_url(infrastructure.postgres_url, prefix + owner)) as connection:
            connection.execute(f'SET ROLE "{prefix}{owner}"')
            connection.execute("CREATE TABLE owned_rows (id int)")  # what Alembic needs to do

    with psycopg.connect(_libpq_url(infrastructure.postgres_url, prefix + "customers")) as connection:
        connection.execute(f'SET ROLE "{prefix}jobs"')
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("SELECT * FROM owned_rows")
        connection.rollback()
        connection.execute(f'SET ROLE "{prefix}jobs"')
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("CREATE TABLE intruder (id int)")
