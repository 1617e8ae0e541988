"""gunicorn settings for every service's `web` process.

gthread workers keep connections alive (the gateway reuses them; `sync` workers close each one),
and each worker builds its own engine after the fork because the app is made by a factory.
"""
import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count())))
threads = int(os.environ.get("WEB_THREADS", "8"))
keepalive = 30
timeout = 30
graceful_timeout = 20
accesslog = None  # the app logs each request as JSON with its request id
errorlog = "-"
