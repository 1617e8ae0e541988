"""Alembic environment of the jobs service."""
from chassis.migrations import run_env
from jobs.adapters.orm import Base

run_env(Base.metadata)
