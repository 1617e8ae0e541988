"""Alembic environment of the toy service."""
from chassis.migrations import run_env
from toy_service.service import Base

run_env(Base.metadata)
