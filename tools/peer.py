"""The platform peer (django-cms-quickstart, the official django CMS starter), served for benchmarks.

The peer is not part of this repository: the benchmark uses it only when told where it is, with
`PEER_DIR` (or `--peer-dir`): a folder holding the peer's `build.sh` (see its README). The build
goes into WORK (by default `test-artifacts/peer/`, git-ignored) and is reused while it is there,
so only the first run pays for the install. Use as a context manager:

    with PeerServer(peer_dir) as peer:
        urllib.request.urlopen(peer.url + peer.page)
"""

import os
import subprocess
import time
import urllib.request
from pathlib import Path

from tools.prodserver import ROOT, free_port

WORK = ROOT / "test-artifacts" / "peer"
BUILT = ".built-by-bench"  # written once build.sh has finished without error


class PeerServer:
    """Builds the peer when WORK holds no finished build, then serves it as build.sh does."""

    page = "/guide/"  # the ~900-word page the peer's seed_page.py publishes

    def __init__(self, peer_dir, work=WORK):
        self.peer_dir = Path(peer_dir).resolve()
        self.work = Path(work).resolve()
        self.process = None

    def __enter__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        if not (self.work / BUILT).exists():
            self._build()
        # The environment and command of build.sh, in the foreground so that we can stop it.
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))},
            "DATABASE_URL": f"sqlite:///{self.work}/db.sqlite3",
            "SECRET_KEY": "peer-bench-only",
            "DOMAIN": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "False",
            "DEFAULT_STORAGE_DSN": f"{self.work}/media/",
            "DJANGO_SETTINGS_MODULE": "backend.settings",
        }
        self.process = subprocess.Popen(
            [".venv/bin/gunicorn", "backend.wsgi", "-b", f"127.0.0.1:{self.port}", "-w", "2"]
            + ["--access-logfile", "/dev/null", "--error-logfile", str(self.work / "gunicorn.log")],
            cwd=self.work,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_until_up()
        return self

    def _build(self):
        """Run the peer's own build.sh into WORK; it starts a gunicorn of its own, stopped here."""
        print(f"building the peer into {self.work} (a few minutes, once)", flush=True)
        self.work.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["bash", str(self.peer_dir / "build.sh"), str(self.work), str(self.port)], check=True)
        pid_file = self.work / "gunicorn.pid"
        os.kill(int(pid_file.read_text()), 15)  # the daemon build.sh started, by its own pid
        for _ in range(50):
            if not pid_file.exists():
                break
            time.sleep(0.2)
        (self.work / BUILT).write_text(time.strftime("%Y-%m-%d %H:%M\n"))

    def _wait_until_up(self, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(self.url + self.page, timeout=2).read()
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"The peer did not start (see {self.work / 'gunicorn.log'})") from None
                time.sleep(0.2)

    def __exit__(self, *exc):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
