"""Plain Python rules of customers: phones, lifecycle, snapshots, merges, search terms."""
