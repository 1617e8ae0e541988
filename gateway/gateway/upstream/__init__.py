"""Calling the services: pooled HTTP clients, a circuit breaker per service, parallel calls under one deadline."""
