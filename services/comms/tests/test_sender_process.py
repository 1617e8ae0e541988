"""The `fieldwork-comms sender` process itself: started from its console script, it delivers and stops cleanly."""
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from chassis.testing.plugin import TEST_JWT_SECRET


def test_the_sender_process_delivers_queued_mail_and_stops_on_sigterm(client, auth, app, add_customer, smtp):
    address = f"dana.{uuid.uuid4().hex[:8]}@example.com"
    customer_id = add_customer(emails=[address])
    queued = client.post("/messages", json={"customer_id": str(customer_id), "channel": "email",
                                            "subject": "Hello", "body": "From the worker"}, headers=auth).json
    settings = app.extensions["fieldwork"].settings
    env = {**os.environ, "FIELDWORK_COMMS_DATABASE_URL": settings.database_url,
           "FIELDWORK_JWT_SECRET": TEST_JWT_SECRET, "FIELDWORK_SMTP_HOST": "127.0.0.1",
           "FIELDWORK_SMTP_PORT": str(smtp.port), "FIELDWORK_SENDER_POLL_SECONDS": "0.1"}
    script = Path(sys.executable).with_name("fieldwork-comms")
    process = subprocess.Popen([str(script), "sender"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while not smtp.received_for(address) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
        assert len(smtp.received_for(address)) == 1
    finally:
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=15)
    assert process.returncode == 0, errors.decode()[-2000:]
    assert client.get(f"/communications/{queued['id']}", headers=auth).json["status"] == "sent"
