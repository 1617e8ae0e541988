"""Customer merges (chassis.merge_follower): the duplicate's communications and threads go to the target, and
exactly those back on undo (not what was logged on the target since)."""
from __future__ import annotations

from chassis.merge_follower import MergeFollower
from comms.adapters.orm import Communication, SmsThread

MERGES = MergeFollower([Communication, SmsThread])
