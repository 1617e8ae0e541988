"""How review requests and the account's review setting are stored (beside the customers' own tables)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from chassis.db import Tenanted
from customers.adapters.orm import Base, Stamp


class ReviewRequest(Tenanted, Base):
    """The review request sent for a completed job: the portal invitation that carried it, and by which channel."""

    __tablename__ = "review_requests"
    __table_args__ = (UniqueConstraint("account_id", "job_id", name="review_requests_one_per_job"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    job_id: Mapped[uuid.UUID]
    job_number: Mapped[str] = mapped_column(String(20))
    invite_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("portal_invites.id"))
    channel: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(Stamp)


class ReviewSetting(Tenanted, Base):
    """Whether the account sends review requests; an account without a row sends them."""

    __tablename__ = "review_settings"

    account_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    send_review_requests: Mapped[bool]
    updated_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(Stamp)
