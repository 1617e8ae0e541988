"""Email out over SMTP (smtplib), one connection per message; errors sorted into retry-later and give-up."""
from __future__ import annotations

import smtplib
import socket
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate

from comms.domain.retry import DeliveryError


# The header a delivery-reporting relay (the local sink of `make run`) reads to post the message's status back.
STATUS_CALLBACK_HEADER = "X-Fieldwork-Status-Callback"


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class OutgoingEmail:
    message_id: str    # stable per communication, so a receiver can drop a copy sent twice after a crash
    to: str
    subject: str
    body: str
    attachments: list[Attachment] = field(default_factory=list)
    status_callback: str | None = None  # where a relay that reports delivery posts it (see comms' README)


class SmtpMailer:
    def __init__(self, host: str, port: int, sender: str, *, timeout: float = 10.0):
        self.host, self.port, self.sender, self.timeout = host, port, sender, timeout

    @property
    def configured(self) -> bool:
        """No host = no mail server: emails are refused when asked for, never queued to fail later."""
        return bool(self.host)

    def compose(self, email: OutgoingEmail) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = email.to
        message["Subject"] = email.subject
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = email.message_id
        if email.status_callback:
            message[STATUS_CALLBACK_HEADER] = email.status_callback
        message.set_content(email.body)
        for item in email.attachments:
            maintype, _, subtype = item.content_type.partition("/")
            message.add_attachment(item.content, maintype=maintype, subtype=subtype, filename=item.filename)
        return message

    def send(self, email: OutgoingEmail) -> str:
        """Hands the message to the SMTP server; returns its Message-ID."""
        message = self.compose(email)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as server:
                server.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            raise DeliveryError(f"The mail server refused {email.to}: {codes}",
                                permanent=all(code >= 500 for code in codes)) from exc
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError(f"The mail server answered {exc.smtp_code}: {_text(exc.smtp_error)}",
                                permanent=exc.smtp_code >= 500) from exc
        except (smtplib.SMTPException, OSError, socket.timeout) as exc:
            raise DeliveryError(f"The mail server could not be reached: {exc or type(exc).__name__}") from exc
        return email.message_id


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
