"""Geocoding a property's address through Google Maps (the `googlemaps` client), behind a small interface."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import googlemaps
import googlemaps.exceptions


@dataclass(frozen=True)
class Geocode:
    latitude: float
    longitude: float
    formatted_address: str


class GeocodingFailed(Exception):
    """The geocoder could not answer (network, quota, refused key); the address is kept as typed."""


class Geocoder(Protocol):
    configured: bool

    def geocode(self, address: dict) -> Geocode | None:
        """The location of ``address``; None when the address matches no place."""


class NoGeocoder:
    """No key configured: properties stay "not geocoded"."""

    configured = False

    def geocode(self, address: dict) -> Geocode | None:
        raise GeocodingFailed("Geocoding is not configured.")


def one_line(address: dict) -> str:
    parts = [address["line1"], address.get("line2"), address["city"],
             f"{address['region']} {address['postal_code']}".strip(), address["country"]]
    return ", ".join(p for p in parts if p)


class GoogleGeocoder:
    configured = True

    def __init__(self, client: googlemaps.Client):
        self._client = client

    def geocode(self, address: dict) -> Geocode | None:
        try:
            results = self._client.geocode(one_line(address), components={"country": address["country"]})
        except (googlemaps.exceptions.ApiError, googlemaps.exceptions.HTTPError, googlemaps.exceptions.Timeout,
                googlemaps.exceptions.TransportError) as exc:
            raise GeocodingFailed(str(exc) or type(exc).__name__) from exc
        if not results:
            return None
        best = results[0]
        location = best["geometry"]["location"]
        return Geocode(float(location["lat"]), float(location["lng"]), best.get("formatted_address", ""))


def google_geocoder(api_key: str, *, base_url: str | None = None, timeout: float = 3.0,
                    retry_timeout: float = 5.0) -> GoogleGeocoder:
    """A geocoder on the real client; ``base_url`` points it elsewhere than Google (tests, proxies)."""
    options = {"base_url": base_url} if base_url else {}
    client = googlemaps.Client(key=api_key, timeout=timeout, retry_timeout=retry_timeout, **options)
    return GoogleGeocoder(client)
