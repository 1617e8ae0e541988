"""Event stories the insights tests replay: a customer with something of everything, and one case per event type."""
import datetime as dt
import uuid

DAY, HOUR = dt.timedelta(days=1), dt.timedelta(hours=1)


def merge_chain(account_id, target, duplicate, make_event, now) -> tuple[str, list]:
    """target ← duplicate ← third: a new third customer merged into a duplicate already merged into the target, so
    the third's history shows on the duplicate and, through it, on the target. Returns the third and the events."""
    third = str(uuid.uuid4())
    return third, [make_event(account_id, "customer.merged", now - DAY, merge_id=str(uuid.uuid4()),
                              duplicate_id=duplicate, target_id=target),
                   make_event(account_id, "customer.created", now - DAY, customer={"id": third}),
                   make_event(account_id, "customer.merged", now - HOUR, merge_id=str(uuid.uuid4()),
                              duplicate_id=third, target_id=duplicate)]


def rich_customer(account_id, customer, make_event, now):
    """Something of everything: overdue and open invoices, payments, waiting estimates, plans, jobs in every state,
    messages on every channel, a statement, billing's figures, and a duplicate merged in with its own history."""
    twin, events = str(uuid.uuid4()), []
    events.append(make_event(account_id, "customer.created", now - 400 * DAY,
                             customer={"id": customer, "number": "C-2001", "display_name": "Rich Customer",
                                       "status": "active"}))
    events.append(make_event(account_id, "customer.created", now - 300 * DAY,
                             customer={"id": twin, "number": "C-2002", "status": "active"}))
    events.append(make_event(account_id, "customer.merged", now - 200 * DAY, merge_id=str(uuid.uuid4()),
                             duplicate_id=twin, target_id=customer))
    for n, (owner, due_days_ago) in enumerate([(customer, 45), (customer, 10), (twin, 70), (customer, -5)]):
        invoice = str(uuid.uuid4())
        sent = now - (due_days_ago + 30) * DAY
        events.append(make_event(account_id, "invoice.sent", sent, invoice_id=invoice, number=f"INV-30{n}",
                                 customer_id=owner, due_date=(now - due_days_ago * DAY).date().isoformat(),
                                 total_cents=10000 * (n + 1), sent_at=sent + dt.timedelta(microseconds=123456)))
        if n == 1:
            events.append(make_event(account_id, "payment.recorded", now - 3 * DAY, payment_id=str(uuid.uuid4()),
                                     customer_id=owner, amount_cents=5000, credit_cents=0,
                                     received_at=now - 3 * DAY, allocations=[{"invoice_id": invoice,
                                                                              "amount_cents": 5000}]))
    for n, status in enumerate(["completed", "scheduled", "scheduled", "in_progress", "cancelled", "completed"]):
        start = now + (n * 3 - 7) * DAY + dt.timedelta(minutes=7 * n)
        events.append(make_event(account_id, "job.status_changed", now - (10 - n) * DAY, job_id=str(uuid.uuid4()),
                                 number=f"J-30{n}", customer_id=customer if n % 2 else twin, to=status,
                                 title=f"Visit {n} — call 512 555 0142", changed_at=now - (10 - n) * DAY,
                                 scheduled_start=start, completed_at=start + HOUR if status == "completed" else None))
    for n, status in enumerate(["sent", "viewed", "draft", "approved"]):
        events.append(make_event(account_id, "estimate.status_changed", now - (20 - n) * DAY,
                                 estimate_id=str(uuid.uuid4()), number=f"E-30{n}", customer_id=customer, to=status,
                                 changed_at=now - (20 - n) * DAY))
    for n, status in enumerate(["active", "active", "paused"]):
        events.append(make_event(account_id, "plan.status_changed", now - 40 * DAY, plan_id=str(uuid.uuid4()),
                                 customer_id=customer, name=f"Plan {n}", to=status, changed_at=now - 40 * DAY,
                                 next_visit_at=now + (n * 10 - 5) * DAY))
    for n, channel in enumerate(["call", "sms", "email", "sms", "call", "email", "sms"]):
        events.append(make_event(account_id, "communication.logged", now - n * DAY, communication={
            "id": str(uuid.uuid4()), "customer_id": customer if n != 3 else twin, "channel": channel,
            "direction": "outbound" if n % 2 else "inbound",
            "status": "delivered" if channel != "call" else "completed",
            "occurred_at": now - n * DAY - dt.timedelta(seconds=n, microseconds=n * 1001),
            "subject": "Reach me at dana@example.com" if channel == "email" else None}))
    events.append(make_event(account_id, "statement.requested", now - 20 * DAY, statement_id=str(uuid.uuid4()),
                             customer_id=customer))
    events.append(make_event(account_id, "balance.changed", now - DAY, customer_id=customer, balance_cents=95000,
                             total_billed_cents=100000, total_paid_cents=5000, lifetime_value_cents=5000,
                             credit_cents=0, open_invoice_count=4, as_of=now - DAY))
    return events


def event_cases(account, dana, other, ev, now):
    """name → (setup events, the event under test): each changes what Dana's insights say."""
    merge = str(uuid.uuid4())
    sms_of_other = ev(account, "communication.logged", now - 2 * DAY, communication={
        "id": str(uuid.uuid4()), "customer_id": other, "channel": "sms", "occurred_at": now - 2 * DAY})
    other_created = ev(account, "customer.created", now - 30 * DAY, customer={"id": other, "number": "C-1099"})
    merged = ev(account, "customer.merged", now - DAY, merge_id=merge, duplicate_id=other, target_id=dana)
    invoice = str(uuid.uuid4())
    overdue = ev(account, "invoice.sent", now - 60 * DAY, invoice_id=invoice, customer_id=dana,
                 due_date=(now - 40 * DAY).date().isoformat(), sent_at=now - 60 * DAY)
    job, estimate, plan = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    return {
        "customer.created": ([], ev(account, "customer.created", now, revision=9,
                                    customer={"id": dana, "display_name": "Dana Renamed", "status": "active"})),
        "customer.updated": ([], ev(account, "customer.updated", now, revision=9,
                                    customer={"display_name": "Dana Renamed"})),
        "customer.status_changed": ([], ev(account, "customer.status_changed", now, **{"from": "active"},
                                           to="inactive", changed_at=now)),
        "customer.archived": ([], ev(account, "customer.archived", now, customer_id=dana)),
        "customer.unarchived": ([ev(account, "customer.archived", now - DAY, customer_id=dana)],
                                ev(account, "customer.unarchived", now, customer_id=dana)),
        "customer.merged": ([other_created, sms_of_other], merged),
        "customer.unmerged": ([other_created, sms_of_other, merged],
                              ev(account, "customer.unmerged", now, merge_id=merge, duplicate_id=other,
                                 target_id=dana)),
        "job.created": ([], ev(account, "job.created", now, job={"id": job, "customer_id": dana, "estimate_id": None,
                                                                 "scheduled_start": now + 3 * DAY,
                                                                 "scheduled_end": now + 3 * DAY + HOUR})),
        "job.status_changed": ([], ev(account, "job.status_changed", now, job_id=job, customer_id=dana,
                                      **{"from": "draft"}, to="scheduled", changed_at=now,
                                      scheduled_start=now + 3 * DAY, completed_at=None)),
        "estimate.created": ([], ev(account, "estimate.created", now, estimate={"id": estimate, "customer_id": dana})),
        "estimate.status_changed": ([], ev(account, "estimate.status_changed", now, estimate_id=estimate,
                                           customer_id=dana, to="sent", changed_at=now)),
        "plan.created": ([], ev(account, "plan.created", now, plan={"id": plan, "customer_id": dana})),
        "plan.status_changed": ([], ev(account, "plan.status_changed", now, plan_id=plan, customer_id=dana,
                                       to="paused", changed_at=now)),
        "invoice.created": ([], ev(account, "invoice.created", now, invoice={
            "id": invoice, "customer_id": dana, "status": "sent", "due_date": (now - 31 * DAY).date().isoformat()})),
        "invoice.sent": ([], overdue),
        "invoice.paid": ([overdue], ev(account, "invoice.paid", now, invoice_id=invoice, customer_id=dana,
                                       paid_at=now)),
        "invoice.voided": ([overdue], ev(account, "invoice.voided", now, invoice_id=invoice, customer_id=dana,
                                         voided_at=now)),
        "payment.recorded": ([overdue], ev(account, "payment.recorded", now, payment_id=str(uuid.uuid4()),
                                           customer_id=dana, amount_cents=1000, credit_cents=0, received_at=now,
                                           allocations=[{"invoice_id": invoice, "amount_cents": 1000}])),
        "credit.applied": ([overdue], ev(account, "credit.applied", now, invoice_id=invoice, customer_id=dana,
                                         applied_at=now, allocations=[{"source": "credit_note",
                                                                       "source_id": str(uuid.uuid4()),
                                                                       "amount_cents": 1000}])),
        "refund.issued": ([overdue], ev(account, "refund.issued", now, refund_id=str(uuid.uuid4()),
                                        payment_id=str(uuid.uuid4()), customer_id=dana, invoice_id=invoice,
                                        amount_cents=1000, refunded_at=now)),
        "balance.changed": ([], ev(account, "balance.changed", now, customer_id=dana, balance_cents=4200,
                                   as_of=now)),
        "communication.logged": ([], ev(account, "communication.logged", now, communication={
            "id": str(uuid.uuid4()), "customer_id": dana, "channel": "email", "occurred_at": now})),
        "statement.requested": ([], ev(account, "statement.requested", now, statement_id=str(uuid.uuid4()),
                                       customer_id=dana)),
        "review.received": ([], ev(account, "review.received", now, review_id=str(uuid.uuid4()), customer_id=dana,
                                   job_id=job, rating=1, received_at=now)),
        "customer.erased": ([], ev(account, "customer.erased", now, customer_id=dana, number="C-1001",
                                   pseudonym="Erased customer C-1001", merged_ids=[], erased_at=now)),
    }
