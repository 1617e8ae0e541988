"""Fieldwork comms: one feed of every call, text and email per customer, and sending that never drops a message."""
