"""Rule cards: what an office user should do next for a customer, worked out from facts alone."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chassis.activity import api_link
from insights.domain.facts import CustomerFacts
from insights.domain.thresholds import Thresholds


@dataclass(frozen=True)
class Card:
    kind: str
    title: str
    reason: str          # the numbers that make the card true
    action: str
    link: dict           # {"kind", "id", "href"} of what the action works on
    facts: tuple[str, ...]  # ids of the facts behind it

    def as_dict(self) -> dict:
        return {"kind": self.kind, "title": self.title, "reason": self.reason, "action": self.action,
                "link": self.link, "facts": list(self.facts)}


def money(cents: int, currency: str) -> str:
    whole, part = divmod(cents, 100)
    return f"{currency} {whole:,}.{part:02d}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _link(kind: str, entity_id, href: str) -> dict:
    return {"kind": kind, "id": str(entity_id), "href": api_link(href)}


def months_between(earlier: dt.datetime, later: dt.datetime) -> int:
    """Whole calendar months from ``earlier`` to ``later``, counted in UTC: the two may come in different zones (psycopg
    hands timestamptz back in the session's TimeZone, ``now`` is UTC), and their wall clocks compared as they stand
    would turn a month hours off."""
    earlier, later = earlier.astimezone(dt.timezone.utc), later.astimezone(dt.timezone.utc)
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if (later.day, later.time()) < (earlier.day, earlier.time()) else months


def overdue_statement(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> Card | None:
    overdue = facts.overdue
    if overdue.total_cents <= 0 or overdue.oldest_due_date is None:
        return None
    days_late = (now.date() - overdue.oldest_due_date).days
    if days_late < limits.overdue_days:
        return None
    if facts.last_statement_at and (now - facts.last_statement_at).days < limits.statement_quiet_days:
        return None
    oldest = overdue.oldest[0]
    customer = facts.profile.id
    return Card(
        kind="overdue_statement", title="Overdue balance: send a statement",
        reason=(f"{money(overdue.total_cents, oldest.currency)} overdue on {_plural(overdue.count, 'invoice')}; "
                f"the oldest, {oldest.number}, is {days_late} days past due."),
        action="Send the customer a statement of account.",
        link=_link("statement", customer, f"/customers/{customer}/statements"),
        facts=tuple(str(invoice.id) for invoice in overdue.oldest),
    )


def win_back(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> Card | None:
    job = facts.last_completed_job
    profile = facts.profile
    if job is None or job.completed_at is None or profile.do_not_service or facts.open_job_count:
        return None
    months = months_between(job.completed_at, now)
    if months < limits.win_back_months:
        return None
    return Card(
        kind="win_back", title="No service in a while: win them back",
        reason=(f"Last completed job {job.number} was {months} months ago "
                f"({job.completed_at.date().isoformat()}); no visit is booked."),
        action="Offer a check-up or seasonal tune-up visit.",
        link=_link("job", job.id, f"/jobs/{job.id}"),
        facts=(str(job.id),),
    )


def maintenance_due(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> Card | None:
    horizon = now + dt.timedelta(days=limits.maintenance_due_days)
    due = [plan for plan in facts.plans if plan.status == "active" and plan.next_visit_at is not None
           and plan.next_visit_at <= horizon and not plan.has_open_visit]
    if not due or facts.profile.do_not_service:
        return None
    plan = due[0]
    days = (plan.next_visit_at.date() - now.date()).days
    when = f"is due in {days} days" if days > 0 else ("is due today" if days == 0 else f"was due {-days} days ago")
    others = f"; {_plural(len(due) - 1, 'other plan')} also due" if len(due) > 1 else ""
    return Card(
        kind="maintenance_due", title="Maintenance visit due",
        reason=(f"{plan.name} visit {when} ({plan.next_visit_at.date().isoformat()}) "
                f"and no visit is booked{others}."),
        action="Schedule the maintenance visit.",
        link=_link("plan", plan.id, f"/plans/{plan.id}"),
        facts=tuple(str(p.id) for p in due),
    )


def estimate_follow_up(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> Card | None:
    cutoff = now - dt.timedelta(days=limits.estimate_follow_up_days)
    stale = [e for e in facts.waiting_estimates if e.waiting_since is not None and e.waiting_since <= cutoff]
    if not stale:
        return None
    oldest = stale[0]
    days = (now - oldest.waiting_since).days
    return Card(
        kind="estimate_follow_up", title="Estimate waiting: follow up",
        reason=(f"{oldest.number} ({money(oldest.total_cents, oldest.currency)}) has waited {days} days "
                f"for an answer; {_plural(facts.waiting_estimate_count, 'estimate')} waiting in all."),
        action="Call or message the customer about the estimate.",
        link=_link("estimate", oldest.id, f"/estimates/{oldest.id}"),
        facts=tuple(str(e.id) for e in stale),
    )


def lead_call(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> Card | None:
    profile = facts.profile
    if profile.status != "lead":
        return None
    contact = facts.last_contact
    since = contact.occurred_at if contact else profile.created_at
    if since is None:
        return None
    days = (now - since).days
    if days < limits.lead_contact_days:
        return None
    if contact:
        reason = f"A lead whose last contact was a {contact.channel} {days} days ago."
        cited: tuple[str, ...] = (str(contact.id),)
    else:
        reason = f"A lead for {days} days with no call, text or email yet."
        cited = (str(profile.id),)
    return Card(kind="lead_call", title="Lead not contacted: call", reason=reason,
                action="Call the lead and log the outcome.",
                link=_link("customer", profile.id, f"/customers/{profile.id}"), facts=cited)


def review_follow_up(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> Card | None:
    """The customer's latest rating is low (``limits.low_rating`` stars or fewer) and recent: someone should call. A
    newer, better rating (another job) or ``limits.review_follow_up_days`` take it away."""
    review = facts.latest_review
    if review is None or review.rating > limits.low_rating or now >= _review_follow_up_ends(review, limits):
        return None
    said = f' and wrote: "{review.comment}"' if review.comment else " without a comment"
    return Card(
        kind="review_follow_up", title=f"Follow up on a {review.rating}★ review of {review.job_number}",
        reason=(f"The customer rated job {review.job_number} {review.rating} out of 5 on "
                f"{review.received_at.astimezone(dt.timezone.utc).date().isoformat()}{said}."),
        action="Call the customer about the job, and put right what went wrong.",
        link=_link("job", review.job_id, f"/jobs/{review.job_id}"),
        facts=(str(review.id), str(review.job_id)),
    )


def _review_follow_up_ends(review, limits: Thresholds) -> dt.datetime:
    return review.received_at.astimezone(dt.timezone.utc) + dt.timedelta(days=limits.review_follow_up_days)


_WHILE_ACTIVE = (win_back, maintenance_due, estimate_follow_up, lead_call, review_follow_up)


def rule_cards(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> list[Card]:
    """Every card that holds now. A merged duplicate has none (its history lives with the target);
    an archived customer keeps only the money it still owes."""
    if facts.profile.merged_into is not None:
        return []
    rules = (overdue_statement,) if facts.profile.archived else (overdue_statement, *_WHILE_ACTIVE)
    return [card for rule in rules if (card := rule(facts, limits, now)) is not None]


# -- when time alone changes the cards ------------------------------------------------------------------------------
# Each rule's companion: the first moment after ``now`` at which that rule may answer differently with the facts and
# thresholds unchanged, or None. Whatever turns at midnight (days past due, a plan's days to go, the overdue
# threshold) is left out: the facts themselves hold only until midnight (``queries.stable_until``).

def _elapsed(moment: dt.datetime, span: dt.timedelta) -> dt.datetime:
    """The instant ``span`` of elapsed time after ``moment``, as the rules measure it (``now - moment``, in UTC). An
    aware datetime's own ``+`` keeps its wall clock: in a zone with daylight saving (psycopg hands timestamptz back in
    the session's TimeZone) it would land an hour off across a change, and the stored answer would miss the turn."""
    return moment.astimezone(dt.timezone.utc) + span


def _next_whole_day(since: dt.datetime, now: dt.datetime) -> dt.datetime:
    """When ``(now - since).days`` next grows."""
    return _elapsed(since, dt.timedelta(days=(now - since).days + 1))


def _next_month(earlier: dt.datetime, after: dt.datetime) -> dt.datetime:
    """When ``months_between(earlier, after)`` next grows: on earlier's day and time of a month, or a month's first
    instant (where that day does not exist), in UTC as ``months_between`` counts; the value holds between those
    moments."""
    earlier, after = earlier.astimezone(dt.timezone.utc), after.astimezone(dt.timezone.utc)
    current = months_between(earlier, after)
    candidates = []
    for offset in range(3):
        year, month = divmod(after.month - 1 + offset, 12)
        year, month = after.year + year, month + 1
        candidates.append(dt.datetime(year, month, 1, tzinfo=after.tzinfo))
        try:
            candidates.append(dt.datetime.combine(dt.date(year, month, earlier.day), earlier.time(), after.tzinfo))
        except ValueError:
            pass
    return min(moment for moment in candidates if moment > after and months_between(earlier, moment) != current)


def _overdue_statement_changes(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> dt.datetime | None:
    overdue = facts.overdue
    if overdue.total_cents <= 0 or overdue.oldest_due_date is None or facts.last_statement_at is None:
        return None
    if (now.date() - overdue.oldest_due_date).days < limits.overdue_days:
        return None
    quiet_until = _elapsed(facts.last_statement_at, dt.timedelta(days=limits.statement_quiet_days))
    return quiet_until if quiet_until > now else None


def _win_back_changes(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> dt.datetime | None:
    job = facts.last_completed_job
    if job is None or job.completed_at is None or facts.profile.do_not_service or facts.open_job_count:
        return None
    # The card shows the months once they reach the threshold; before, only reaching it changes anything.
    moment = now
    for _ in range(limits.win_back_months + 1):
        moment = _next_month(job.completed_at, moment)
        if months_between(job.completed_at, moment) >= limits.win_back_months:
            break
    return moment


def _maintenance_due_changes(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> dt.datetime | None:
    if facts.profile.do_not_service:
        return None
    window = dt.timedelta(days=limits.maintenance_due_days)
    entering = (_elapsed(plan.next_visit_at, -window) for plan in facts.plans
                if plan.status == "active" and plan.next_visit_at is not None and not plan.has_open_visit)
    return min((moment for moment in entering if moment > now), default=None)


def _estimate_follow_up_changes(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> dt.datetime | None:
    window = dt.timedelta(days=limits.estimate_follow_up_days)
    waiting = [e.waiting_since for e in facts.waiting_estimates if e.waiting_since is not None]
    moments = [_elapsed(since, window) for since in waiting if _elapsed(since, window) > now]  # joins the stale ones
    stale = [since for since in waiting if _elapsed(since, window) <= now]
    if stale:
        moments.append(_next_whole_day(stale[0], now))  # the oldest one's days waited, as the card says them
    return min(moments, default=None)


def _lead_call_changes(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> dt.datetime | None:
    profile = facts.profile
    if profile.status != "lead":
        return None
    since = facts.last_contact.occurred_at if facts.last_contact else profile.created_at
    if since is None:
        return None
    # Shown from the threshold's day on, with the days counted since.
    return _elapsed(since, dt.timedelta(days=max((now - since).days + 1, limits.lead_contact_days)))


def _review_follow_up_changes(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> dt.datetime | None:
    review = facts.latest_review
    if review is None or review.rating > limits.low_rating or now >= _review_follow_up_ends(review, limits):
        return None
    return _review_follow_up_ends(review, limits)


_CHANGES = {overdue_statement: _overdue_statement_changes, win_back: _win_back_changes,
            maintenance_due: _maintenance_due_changes, estimate_follow_up: _estimate_follow_up_changes,
            lead_call: _lead_call_changes, review_follow_up: _review_follow_up_changes}


def cards_change_at(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> dt.datetime | None:
    """The first moment after ``now`` at which ``rule_cards`` may answer differently for the same facts and
    thresholds, midnight aside (None: not before then)."""
    if facts.profile.merged_into is not None:
        return None
    rules = (overdue_statement,) if facts.profile.archived else (overdue_statement, *_WHILE_ACTIVE)
    return min((moment for rule in rules if (moment := _CHANGES[rule](facts, limits, now)) is not None),
               default=None)
