"""SMS out through the provider's HTTP API at a configured base URL (Twilio-like: form POST, JSON answer)."""
from __future__ import annotations

import json

import urllib3

from comms.domain.retry import DeliveryError


class HttpSmsProvider:
    """``POST {base}/messages`` with To, From, Body (and StatusCallback); the answer's ``sid`` is the provider's
    message id.

    The communication id goes in ``Idempotency-Key``, so a retry after a lost answer is not sent twice
    by providers that honour the key.
    """

    def __init__(self, base_url: str, sender: str, api_key: str = "", *, timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.sender = sender
        self.api_key = api_key
        self._pool = urllib3.PoolManager(maxsize=4, timeout=urllib3.Timeout(total=timeout), retries=False)

    @property
    def configured(self) -> bool:
        return bool(self.base_url)

    def send(self, *, to: str, body: str, reference: str, status_callback: str | None = None) -> str:
        if not self.base_url:
            raise DeliveryError("No SMS provider is configured (FIELDWORK_SMS_BASE_URL).")
        headers = {"Idempotency-Key": reference}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        form = {"To": to, "From": self.sender, "Body": body}
        if status_callback:
            form["StatusCallback"] = status_callback  # Twilio's name: where the provider posts delivered/failed
        try:
            response = self._pool.request_encode_body(
                "POST", f"{self.base_url}/messages", fields=form,
                headers=headers, encode_multipart=False)
        except urllib3.exceptions.HTTPError as exc:
            raise DeliveryError(f"The SMS provider could not be reached: {exc}") from exc
        if response.status >= 300:
            detail = response.data.decode("utf-8", "replace")[:200]
            # 429 and 5xx are the provider's trouble, worth retrying; any other 4xx is about the message.
            permanent = 400 <= response.status < 500 and response.status != 429
            raise DeliveryError(f"The SMS provider answered {response.status}: {detail}", permanent=permanent)
        try:
            return str(json.loads(response.data)["sid"])
        except (ValueError, KeyError, TypeError):
            return ""
