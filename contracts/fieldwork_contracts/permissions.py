"""The permissions a Fieldwork token may carry (its ``perms`` claim): each names an area and what it allows."""
from __future__ import annotations

ALL_PERMISSIONS = (
    "customers:view", "customers:edit", "jobs:view", "jobs:edit", "billing:view", "billing:edit",
    "comms:view", "comms:send", "insights:view", "settings:edit",
    # Rating a completed job: what a customer's portal session may do besides reading, and staff entering a
    # rating the customer gave by phone.
    "reviews:create",
    # Erasing a customer's personal data (a privacy request): apart from customers:edit, which only archives.
    "customers:delete",
)
