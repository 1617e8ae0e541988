"""Use cases of the jobs service: each takes a session, applies the domain rules, records and publishes."""
