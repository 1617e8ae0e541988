"""Calls from one of our processes to another's HTTP API, one way everywhere: the gateway's fan-out, proxy and
portal, and a service asking another about an id it has not heard of or fetching its PDF.

A call goes through urllib3's keep-alive pool with a timeout and no retries, behind that service's circuit
breaker (what counts against it is decided in ``sickness``), carrying the request id of the request it serves.
"""
