"""Customer merges (chassis.merge_follower): the duplicate's work goes to the target, and exactly that back on undo.

The timeline follows the records: on a merge every entry of the duplicate's goes to the target, on an undo the entries
of the records the merge moved come back (those written about them since included). Open jobs are counted again.
"""
from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from chassis.merge_follower import FollowedMerge, MergeFollower
from jobs.adapters.orm import ActivityEntry, Estimate, Job, Photo, Plan, Review
from jobs.service_layer.records import recount_open_jobs


def _timeline_and_tallies(session: Session, change: FollowedMerge) -> None:
    if change.undo:
        session.execute(update(ActivityEntry).where(ActivityEntry.record_id.in_(change.moved_ids()),
                                                    ActivityEntry.customer_id == change.target_id)
                        .values(customer_id=change.duplicate_id), execution_options={"synchronize_session": False})
    else:
        session.execute(update(ActivityEntry).where(ActivityEntry.customer_id == change.duplicate_id)
                        .values(customer_id=change.target_id), execution_options={"synchronize_session": False})
    recount_open_jobs(session, change.duplicate_id)
    recount_open_jobs(session, change.target_id)


MERGES = MergeFollower([Job, Estimate, Plan, Photo, Review], after=_timeline_and_tallies)
