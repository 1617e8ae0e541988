"""The Fieldwork gateway: one door for the web front end and the client portal."""
