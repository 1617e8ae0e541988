"""The Fieldwork jobs service: jobs and visits, estimates, maintenance plans and photos."""
