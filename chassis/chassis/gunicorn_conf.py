"""gunicorn settings for every service's `web` process.

gthread workers keep connections alive (the gateway reuses them; `sync` workers close each one),
and each worker builds its own engine after the fork because the app is made by a factory.
"""
import multiprocessing
import os

from gunicorn import glogging

from chassis import logs
from chassis.settings import web_threads

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count())))
threads = web_threads()  # each worker's database pool keeps as many connections (chassis.service.build_runtime)
keepalive = 30
timeout = 30
graceful_timeout = 20
# Each worker touches a heartbeat file on every pass of its loop, and on a disk-backed /tmp that write shows in
# every request's cost (bench/README.md). gunicorn's own advice is a memory filesystem where there is one.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = None  # the app logs each request as JSON with its request id
# gunicorn 25+ opens a control socket for gunicornc at one default path per user ($HOME/.gunicorn/gunicorn.ctl):
# every service's master on a host deletes and rebinds the same file, so the tool would reach whichever started
# last, and each master runs a thread for it. Processes here are managed by their supervisor (compose, Kubernetes,
# honcho) and signals.
control_socket_disable = True
errorlog = "-"



class Logger(glogging.Logger):
    """gunicorn's own lines (starting, a worker booted or timed out) in the form of the app's (``chassis.logs``),
    under the service its app string names, from its very first line."""

    def setup(self, cfg):
        super().setup(cfg)
        logs.adopt(self.error_log, service=(cfg.wsgi_app or "").split(".")[0].split(":")[0] or None)


logger_class = Logger
# Request lines and headers parsed by gunicorn's own C parser (gunicorn_h1c, on picohttpparser), not in Python for
# every request. "auto" would fall back to Python without a word where the extension is missing, and "fast" alone
# would only fail each request: importing it here stops gunicorn at start instead.
import gunicorn_h1c  # noqa: E402, F401

http_parser = "fast"
