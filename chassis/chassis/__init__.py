"""The Fieldwork service chassis: what every service does the same way, and nothing domain-specific."""
