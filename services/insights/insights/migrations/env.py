"""Alembic environment of the insights service."""
from chassis.migrations import run_env
from insights.adapters.orm import Base

run_env(Base.metadata)
