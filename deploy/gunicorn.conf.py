"""gunicorn settings for production: `gunicorn --config=deploy/gunicorn.conf.py` (the Dockerfile
and tools/prodserver.py do). Kept out of the project root so gunicorn never loads it by itself.

Each worker renders a few pages once before it takes traffic, so the first visitor after a
restart does not wait while templates compile and modules load. The pages go through the
worker's own WSGI application (Django's handler, all middleware), as a visitor's requests do.
"""

import os

wsgi_app = "hfs_site.wsgi"
# Loopback by default: gunicorn sits behind the buffering proxy (deploy/nginx.conf), never on
# the public network. A container sets GUNICORN_BIND=0.0.0.0:8000 for the proxy next to it.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
timeout = 30  # a worker stuck on one request is restarted
limit_request_line = 4094
limit_request_fields = 60
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
WARM_PATHS = ["/", "/hemifacial-spasm/", "/hemifacial-spasm/treatment/"]


def post_worker_init(worker):
    """Send WARM_PATHS through the worker's own WSGI application, as a visitor's requests."""
    from common.site_requests import visitor_environ

    def start_response(status, headers, exc_info=None):
        return lambda data: None

    for path in WARM_PATHS:
        try:
            response = worker.wsgi(visitor_environ(path, headers={"HTTP_ACCEPT_ENCODING": "gzip"}), start_response)
            try:
                for _chunk in response:
                    pass
            finally:
                if hasattr(response, "close"):
                    response.close()
        except Exception as error:  # a warm-up must never stop a worker from starting
            worker.log.warning("Warm-up of %s failed: %s", path, type(error).__name__)
