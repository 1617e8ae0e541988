"""The customers service: who the business works for, and everything known about them."""
