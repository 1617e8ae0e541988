"""Plain-Python rules of the jobs service: lifecycles, money, schedules and recurrences."""
