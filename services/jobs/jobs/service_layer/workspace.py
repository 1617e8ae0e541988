"""The jobs service's share of the customer workspace: every section as its own endpoint answers it, in one unit
of work, and until when it holds."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis.customer_directory import visible_customer
from chassis.db.part_store import earliest
from chassis.references import CallersApi
from jobs.adapters import queries
from jobs.adapters.orm import Estimate, Job, Plan
from jobs.domain.estimates import expires_at
from jobs.service_layer.estimates import shown_as_of as estimate_shown_as_of
from jobs.service_layer.plans import shown_as_of as plan_shown_as_of

LATEST_PHOTOS = 6  # what the workspace's photos section shows


def customer_part(session: Session, customer_id: uuid.UUID, api: CallersApi, now: dt.datetime, *, limit: int,
                  activity_limit: int) -> tuple[dict, dt.datetime | None]:
    """The customer's whole share of the workspace in one unit of work, each section as its own endpoint answers it;
    and the moment time alone changes it (None: only writes do).

    Six statements where the seven endpoints take seventeen: the customer check, one for everything about the jobs
    (see ``queries._JOB_LISTS``), then estimates, plans, reviews and the timeline. The summary's last completed and
    next scheduled jobs are the heads of the lists recent activity shows, so nothing is read twice. Estimate statuses
    and plans' next visits are shown as of ``now``, the moment the rest is read for.
    """
    visible_customer(session, customer_id, api)
    jobs = queries.job_lists(session, customer_id, now, page_size=limit)
    since = queries.recent_since(now)
    # Completed jobs come newest first, so those of the last 30 days are a prefix of the latest ones, and the
    # latest is the summary's last completed even when it is older than that.
    recent = [job for job in jobs.completed if job.completed_at >= since]
    estimates = queries.customer_page(session, Estimate, customer_id, limit=limit, cursor=None)
    plans = queries.customer_page(session, Plan, customer_id, limit=limit, cursor=None)
    today = now.astimezone(dt.timezone.utc).date()
    for estimate in estimates.items:
        estimate_shown_as_of(estimate, now)
    for plan in plans.items:
        plan_shown_as_of(plan, now)
    document = {
        "jobs": jobs.page.as_dict(),
        "estimates": estimates.as_dict(),
        "plans": plans.as_dict(),
        "recent_activity": {"completed_recently": recent, "upcoming": jobs.upcoming},
        "summary": queries.summary_of(jobs.open_count, jobs.completed, jobs.upcoming),
        "reviews": queries.first_reviews_with_summary(session, customer_id, limit=limit),
        "activity": queries.activity_page(session, customer_id, limit=activity_limit, cursor=None).as_dict(),
        "photos": queries.latest_photos(session, customer_id, LATEST_PHOTOS),
    }
    return document, _part_valid_until(recent, jobs.upcoming, estimates.items, plans.items, today)


def _part_valid_until(recent: list[Job], upcoming: list[Job], estimates: list[Estimate], plans: list[Plan],
                      today: dt.date) -> dt.datetime | None:
    """When time alone first changes the part. Each instant is the last one at which the part still shows what it
    showed (a job starting exactly now is still upcoming): recomputing there costs one extra computation, never a
    stale answer. The jobs page, the timeline and the open count hold no time; the jobs that are neither shown nor
    upcoming nor recent (past, or completed longer ago) only get further out of the windows."""
    return earliest([
        # the next scheduled job starts: it leaves upcoming, and the summary's next scheduled is the one after
        upcoming[0].scheduled_start if upcoming else None,
        # the oldest job shown as completed recently falls out of the 30-day window
        recent[-1].completed_at + dt.timedelta(days=queries.RECENT_DAYS) if recent else None,
        # an open estimate shown reads expired at the midnight after its last valid day
        *(expires_at(estimate.status, estimate.valid_until, today) for estimate in estimates),
        # an active plan's first next visit passes: its next visits move on
        *(plan.shown_visits[0] for plan in plans if plan.shown_visits),
    ])
