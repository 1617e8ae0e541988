"""The composition root of the jobs service: its spec, its adapters, its app."""
from __future__ import annotations

from pathlib import Path

from chassis.app import create_app as chassis_create_app
from chassis.customer_directory import CustomersApi
from chassis.service import Runtime, ServiceSpec
from chassis.settings import Settings
from jobs.adapters.images import ImageRules
from jobs.adapters.storage import LocalDirectoryStorage
from jobs.entrypoints.events import handlers
from jobs.entrypoints.http import (customers, estimates, jobs, photos, plans, reviews, technicians, visits,
                                   workspace_part)

DEFAULT_PHOTO_DIR = "var/jobs-photos"
DEFAULT_PHOTO_MAX_BYTES = 10 * 1024 * 1024


def _photo_dir(settings: Settings) -> str:
    # FIELDWORK_PHOTOS_DIR is the name docker-compose sets; the service-prefixed one wins when both are there.
    return settings.option("photo_dir", "FIELDWORK_JOBS_PHOTO_DIR",
                           settings.option("photo_dir", "FIELDWORK_PHOTOS_DIR", DEFAULT_PHOTO_DIR))


def wire(runtime: Runtime) -> None:
    """Default adapters; tests replace any of them through ``make_app(SPEC, adapters=…)``."""
    settings = runtime.settings
    runtime.adapters["customers_api"] = CustomersApi()
    runtime.adapters["photo_storage"] = LocalDirectoryStorage(_photo_dir(settings))
    runtime.adapters["image_rules"] = ImageRules(max_bytes=int(
        settings.option("photo_max_bytes", "FIELDWORK_JOBS_PHOTO_MAX_BYTES", str(DEFAULT_PHOTO_MAX_BYTES))))


SPEC = ServiceSpec(
    name="jobs",
    title="Fieldwork jobs",
    description="Jobs and visits, technicians, estimates, maintenance plans and photos of each customer.",
    blueprints=[jobs.blp, estimates.blp, plans.blp, photos.blp, customers.blp, workspace_part.blp, technicians.blp,
                visits.blp, reviews.blp],
    migrations=Path(__file__).parent / "migrations",
    handlers=handlers,
    wire=wire,
    app_factory="jobs.bootstrap:create_app()",
)


def create_app(**kwargs):
    return chassis_create_app(SPEC, **kwargs)
