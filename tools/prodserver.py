"""Start the seeded site with production settings under gunicorn on 127.0.0.1, for tests and benchmarks.

Everything lives in a temporary folder (SQLite database, media, collected static files), so it
never touches the developer's data. Use as a context manager:

    with ProductionServer() as server:
        urllib.request.urlopen(server.url + "/hemifacial-spasm/")
"""

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ProductionServer:
    def __init__(self, workers=2, threads=4, extra_env=None, share_with=None):
        """`share_with`: another running ProductionServer whose database, cache and files this
        one uses too (a second app server); then nothing is migrated, seeded or collected."""
        self.workers, self.threads = workers, threads
        self.extra_env = extra_env or {}
        self.share_with = share_with
        self.process = None
        self.folder = None

    def __enter__(self):
        if self.share_with:
            self.port = free_port()
            self.url = f"http://127.0.0.1:{self.port}"
            self.env = {**self.share_with.env, **self.extra_env}
            self._start_gunicorn()
            return self
        self.folder = tempfile.TemporaryDirectory(prefix="hfs-prod-")
        data = Path(self.folder.name)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")},
            "DJANGO_SETTINGS_MODULE": "hfs_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PUBLIC_BASE_URL": self.url,
            "DATABASE_URL": f"sqlite:///{data / 'db.sqlite3'}",
            "MEDIA_ROOT": str(data / "media"),
            "STATIC_ROOT": str(data / "static"),
            "HFS_DATA_DIR": str(data),
            "SECURE_SSL_REDIRECT": "0",  # no TLS proxy in front of it here
            "LOG_LEVEL": "WARNING",
            **self.extra_env,
        }
        for command in (["migrate", "--noinput"], ["seed_site"], ["collectstatic", "--noinput"]):
            self.manage(*command)
        self._start_gunicorn()
        return self

    def _start_gunicorn(self):
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config=deploy/gunicorn.conf.py",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={self.workers}",
                f"--threads={self.threads}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.wait_until_up()

    def manage(self, *args):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True, text=True
        ).stdout

    def wait_until_up(self, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(self.url + "/", timeout=2)
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("The production server did not start") from None
                time.sleep(0.2)

    def restart(self):
        """Stop gunicorn and start it again (same data): for cold-start measurements."""
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process = subprocess.Popen(
            self.process.args, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.wait_until_up()

    def __exit__(self, *exc):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
        if self.folder:
            self.folder.cleanup()


class FreshPostgresDatabase:
    """A new, empty database on the PostgreSQL server of `server_url`, dropped afterwards."""

    def __init__(self, server_url, name=None):
        self.server = server_url.rsplit("/", 1)[0]
        self.name = name or f"hfs_run_{os.getpid()}"
        self.url = f"{self.server}/{self.name}"

    def _execute(self, sql):
        import psycopg

        with psycopg.connect(self.server + "/postgres", autocommit=True) as connection:
            connection.execute(sql)

    def __enter__(self):
        self._execute(f"DROP DATABASE IF EXISTS {self.name}")
        self._execute(f"CREATE DATABASE {self.name}")
        return self.url

    def __exit__(self, *exc):
        self._execute(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
