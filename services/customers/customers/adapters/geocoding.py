"""Geocoding a property's address through Google Maps (the `googlemaps` client), behind a small interface."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import googlemaps
import googlemaps.exceptions

# Why a property has no location, as the API shows it (GeocodeOut.reason).
NOT_CONFIGURED = "not_configured"
ADDRESS_NOT_FOUND = "address_not_found"
QUOTA_EXCEEDED = "quota_exceeded"
KEY_REFUSED = "key_refused"
REQUEST_REFUSED = "request_refused"
PROVIDER_UNAVAILABLE = "provider_unavailable"

_API_STATUSES = {"OVER_QUERY_LIMIT": QUOTA_EXCEEDED, "OVER_DAILY_LIMIT": QUOTA_EXCEEDED,
                 "REQUEST_DENIED": KEY_REFUSED, "INVALID_REQUEST": REQUEST_REFUSED,
                 "UNKNOWN_ERROR": PROVIDER_UNAVAILABLE}
_MESSAGES = {
    QUOTA_EXCEEDED: "Google Maps refused: the key's query quota is used up",
    KEY_REFUSED: "Google Maps refused the API key",
    REQUEST_REFUSED: "Google Maps refused the request",
    PROVIDER_UNAVAILABLE: "Google Maps did not answer",
}


@dataclass(frozen=True)
class Geocode:
    latitude: float
    longitude: float
    formatted_address: str


class GeocodingFailed(Exception):
    """The geocoder could not answer; ``reason`` says why (one of the codes above), ``message`` in words."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason, self.message = reason, message


class Geocoder(Protocol):
    configured: bool

    def geocode(self, address: dict) -> Geocode | None:
        """The location of ``address``; None when the address matches no place; GeocodingFailed otherwise."""


class NoGeocoder:
    """No key configured: properties are not geocoded, and say so."""

    configured = False

    def geocode(self, address: dict) -> Geocode | None:
        raise GeocodingFailed(NOT_CONFIGURED, "No Google Maps API key is configured (FIELDWORK_GOOGLE_MAPS_API_KEY).")


def one_line(address: dict) -> str:
    parts = [address["line1"], address.get("line2"), address["city"],
             f"{address['region']} {address['postal_code']}".strip(), address["country"]]
    return ", ".join(p for p in parts if p)


def _failure(exc: Exception) -> GeocodingFailed:
    if isinstance(exc, googlemaps.exceptions.ApiError):
        reason = _API_STATUSES.get(exc.status, PROVIDER_UNAVAILABLE)
        detail = f"{exc.status}: {exc.message}" if exc.message else exc.status
    else:  # HTTPError (an answer other than 200), Timeout (retries ran out), TransportError (not reached)
        reason, detail = PROVIDER_UNAVAILABLE, str(exc) or type(exc).__name__
    return GeocodingFailed(reason, f"{_MESSAGES[reason]} ({detail}).")


class GoogleGeocoder:
    configured = True

    def __init__(self, client: googlemaps.Client):
        self._client = client

    def geocode(self, address: dict) -> Geocode | None:
        try:
            results = self._client.geocode(one_line(address), components={"country": address["country"]})
        except (googlemaps.exceptions.ApiError, googlemaps.exceptions.HTTPError, googlemaps.exceptions.Timeout,
                googlemaps.exceptions.TransportError) as exc:
            raise _failure(exc) from exc
        if not results:
            return None
        best = results[0]
        location = best["geometry"]["location"]
        return Geocode(float(location["lat"]), float(location["lng"]), best.get("formatted_address", ""))


def google_geocoder(api_key: str, *, base_url: str | None = None, timeout: float = 3.0,
                    retry_timeout: float = 5.0) -> GoogleGeocoder:
    """A geocoder on the real client; ``base_url`` points it elsewhere than Google (tests, proxies).

    A used-up quota is reported at once rather than retried: the client would otherwise hold the user's request
    for the whole retry timeout, and the property says "quota_exceeded" so the office can geocode it later."""
    options = {"base_url": base_url} if base_url else {}
    client = googlemaps.Client(key=api_key, timeout=timeout, retry_timeout=retry_timeout,
                               retry_over_query_limit=False, **options)
    return GoogleGeocoder(client)
