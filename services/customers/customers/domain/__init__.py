"""Plain Python rules of customers: addresses, phones, lifecycle, snapshots, merges, search terms."""
