"""The comms settings: each read by ``Settings.option`` (``extra`` first, as tests give them, then the environment,
then local defaults)."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.settings import Settings

from comms.domain.retry import RetryPolicy


@dataclass(frozen=True)
class CommsConfig:
    webhook_secret: str            # FIELDWORK_WEBHOOK_SECRET; empty = every webhook is refused
    webhook_public_base: str       # the base URL the provider calls, when a proxy rewrites ours ("" = as received)
    status_callback_base: str      # where providers reach our webhooks to report a send's status ("" = not asked to)
    phone_region: str              # how to read numbers written without a country code
    portal_base_url: str           # where a customer opens their portal: links in invoice and estimate emails
    smtp_host: str                 # "" = no mail server: emails are refused up front
    smtp_port: int
    smtp_from: str
    sms_base_url: str              # "" = no SMS provider: texts are refused up front
    sms_from: str
    sms_api_key: str
    retry: RetryPolicy
    sender_poll_seconds: float

    @property
    def senders(self) -> dict[str, str]:
        """Who a message of each sending channel comes from."""
        return {"email": self.smtp_from, "sms": self.sms_from}

    @classmethod
    def from_settings(cls, settings: Settings) -> "CommsConfig":
        return cls(
            webhook_secret=settings.option("webhook_secret", "FIELDWORK_WEBHOOK_SECRET"),
            webhook_public_base=settings.option("webhook_public_base", "FIELDWORK_WEBHOOK_PUBLIC_BASE").rstrip("/"),
            status_callback_base=settings.option(
                "status_callback_base", "FIELDWORK_STATUS_CALLBACK_BASE",
                settings.option("webhook_public_base", "FIELDWORK_WEBHOOK_PUBLIC_BASE")).rstrip("/"),
            phone_region=settings.option("phone_region", "FIELDWORK_PHONE_REGION", "US"),
            portal_base_url=settings.option("portal_base_url", "FIELDWORK_PORTAL_BASE_URL",
                                            "http://127.0.0.1:8080").rstrip("/"),
            smtp_host=settings.option("smtp_host", "FIELDWORK_SMTP_HOST"),
            smtp_port=int(settings.option("smtp_port", "FIELDWORK_SMTP_PORT", "1025")),
            smtp_from=settings.option("smtp_from", "FIELDWORK_SMTP_FROM", "Fieldwork <no-reply@fieldwork.local>"),
            sms_base_url=settings.option("sms_base_url", "FIELDWORK_SMS_BASE_URL"),
            sms_from=settings.option("sms_from", "FIELDWORK_SMS_FROM", "+15125550100"),
            sms_api_key=settings.option("sms_api_key", "FIELDWORK_SMS_API_KEY"),
            retry=RetryPolicy(
                base_seconds=float(settings.option("retry_base_seconds", "FIELDWORK_SEND_RETRY_BASE_SECONDS", "30")),
                cap_seconds=float(settings.option("retry_cap_seconds", "FIELDWORK_SEND_RETRY_CAP_SECONDS", "3600")),
                max_attempts=int(settings.option("retry_max_attempts", "FIELDWORK_SEND_MAX_ATTEMPTS", "10")),
            ),
            sender_poll_seconds=float(settings.option("sender_poll_seconds", "FIELDWORK_SENDER_POLL_SECONDS", "1")),
        )
