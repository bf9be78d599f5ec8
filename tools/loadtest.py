"""Bounded load test: 50 clients for 60 s against 127.0.0.1, mixing page views and callback posts.

    python -m tools.loadtest [--seconds 60] [--clients 50]

Starts the site with production settings (PostgreSQL if DATABASE_URL points at one, else
SQLite), then every client loops: a few page views, then the callback form (GET for its CSRF
token, POST). At the end it compares the number of accepted posts (302) with the rows in the
database, and prints errors. All clients share one address, so the per-address callback limit
is raised for the run. Exit status 1 on any error or lost request.
"""

import argparse
import contextlib
import http.cookiejar
import os
import random
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from tools.prodserver import FreshPostgresDatabase, ProductionServer

PAGES = ["/", "/hemifacial-spasm/", "/hemifacial-spasm/causes/", "/hemifacial-spasm/treatment/", "/care-team/"]


class _Secure(http.cookiejar.DefaultCookiePolicy):
    def return_ok_secure(self, cookie, request):  # production cookies are Secure; no TLS here
        return True


def client(base, deadline, tally, lock, seed):
    rng = random.Random(seed)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar(_Secure())))
    counts = {"pages": 0, "posts": 0, "accepted": 0, "errors": 0}
    while time.monotonic() < deadline:
        try:
            for _ in range(rng.randint(2, 6)):
                with opener.open(base + rng.choice(PAGES), timeout=30) as response:
                    response.read()
                counts["pages"] += 1
            with opener.open(base + "/callback/", timeout=30) as response:
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)
            body = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "name": f"Load test {seed}",
                    "phone": "(555) 010-0000",
                    "best_time": "any",
                    "consent": "on",
                }
            ).encode()
            request = urllib.request.Request(base + "/callback/", body, headers={"Referer": base + "/callback/"})
            opener.open(request, timeout=30).read()  # follows the redirect to the thanks page
            counts["posts"] += 1
            counts["accepted"] += 1
        except (urllib.error.URLError, OSError, AttributeError):
            counts["errors"] += 1
    with lock:
        for key, value in counts.items():
            tally[key] += value


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args()
    env = {"CALLBACK_RATE_LIMIT": "1000000/h", "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    database = contextlib.nullcontext()
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        database = FreshPostgresDatabase(os.environ["DATABASE_URL"])
    with (
        database as database_url,
        ProductionServer(
            workers=2, threads=8, extra_env={**env, **({"DATABASE_URL": database_url} if database_url else {})}
        ) as server,
    ):
        before = int(
            server.manage(
                "shell", "-c", "from coordinators.models import CallbackRequest as C; print(C.objects.count())"
            ).split()[-1]
        )
        tally, lock = {"pages": 0, "posts": 0, "accepted": 0, "errors": 0}, threading.Lock()
        deadline = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=client, args=(server.url, deadline, tally, lock, n)) for n in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        after = int(
            server.manage(
                "shell", "-c", "from coordinators.models import CallbackRequest as C; print(C.objects.count())"
            ).split()[-1]
        )
    saved = after - before
    print(
        f"{args.clients} clients for {args.seconds} s: {tally['pages']} page views, {tally['posts']} callback posts, "
        f"{tally['accepted']} accepted, {saved} saved, {tally['errors']} errors"
    )
    ok = tally["errors"] == 0 and saved == tally["accepted"]
    print("OK" if ok else "FAILED: errors or lost callback requests")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
