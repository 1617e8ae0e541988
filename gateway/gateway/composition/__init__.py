"""Answers the gateway composes from several services' answers (plain Python over their replies)."""
