"""The schemas of the HTTP API by role, named alike in every service: ``requests`` (what a route loads: bodies,
query arguments, forms) and ``responses`` (what it dumps: the documents answered)."""
