"""Rules of communications in plain Python: channels, statuses, phone numbers, signatures, retry timing."""
