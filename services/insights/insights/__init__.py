"""Insights: a per-customer read model built only from events, rule cards and AI suggestions."""
