"""Benchmark: the seeded site under gunicorn with production settings, on 127.0.0.1 only.

    python -m tools.bench [--seconds 10] [--connections 16]

Measures, with wrk if it is installed (else a small Python client), for a guide page:
  1. served from the django CMS page cache,
  2. with the page cache off (every request renders the page),
  3. a static file of the same size served by whitenoise through the same server (the ceiling),
and prints requests/s, p50/p95/p99 latency and errors, the ratios 1/3 and 2/3, SQL queries per
request (hit and miss), the bytes and requests a browser needs, and the cold first request.
Every load run is bounded in time and sends traffic to 127.0.0.1 only.
"""

import argparse
import gzip
import http.client
import json
import platform
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from tools.prodserver import ProductionServer

PAGE = "/hemifacial-spasm/treatment/"
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %f %f %f %d\\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""

COUNT_QUERIES = f"""
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
client.get("{PAGE}?warm=1"); client.get("{PAGE}?warm=2")
with CaptureQueriesContext(connection) as miss:
    client.get("{PAGE}?bench-miss=1")
with CaptureQueriesContext(connection) as hit:
    client.get("{PAGE}?bench-miss=1")
print(len(hit.captured_queries), len(miss.captured_queries))
"""


def load(url, seconds, connections):
    """(requests/s, p50 ms, p95 ms, p99 ms, errors) for `url`, bounded to `seconds`."""
    if shutil.which("wrk"):
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_REPORT)
        out = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "5s",
                "-s",
                script.name,
                "-H",
                "Accept-Encoding: gzip",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 30,
            check=True,
        ).stdout
        Path(script.name).unlink()
        fields = next(line for line in out.splitlines() if line.startswith("RESULT")).split()[1:]
        requests, duration_us = int(fields[0]), int(fields[1])
        p50, p95, p99 = (float(x) for x in fields[2:5])
        return requests / (duration_us / 1e6), p50, p95, p99, int(fields[5])
    return python_load(url, seconds, connections)


def python_load(url, seconds, connections):
    """A bounded keep-alive client in threads, for machines without wrk (it measures lower)."""
    parts = urlsplit(url)
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                connection.request("GET", parts.path, headers={"Accept-Encoding": "gzip"})
                response = connection.getresponse()
                response.read()
                failed += response.status != 200
            except OSError:
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
            mine.append((time.perf_counter() - start) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    q = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, q[49], q[94], q[98], errors[0]


def browser_bytes(url):
    """(bytes over the wire, requests) for a first visit in Chromium, or None without it."""
    chrome = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chrome).exists():
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chrome, args=["--no-sandbox", "--disable-dev-shm-usage"])
        page = browser.new_page(viewport={"width": 375, "height": 812})
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        sizes = {}
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(300)
        browser.close()
    return sum(sizes.values()), len(sizes)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    tool = "wrk" if shutil.which("wrk") else "python client"
    results = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {_cores()} cores",
        "python": platform.python_version(),
        "load generator": tool,
        "connections": args.connections,
        "seconds": args.seconds,
    }

    with ProductionServer() as server:
        page_url = server.url + PAGE
        html = urllib.request.urlopen(page_url).read()
        # a static file of the same size as the page, pre-compressed like every static file
        copy = Path(server.env["STATIC_ROOT"]) / "bench" / "page-copy.html"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(html)
        copy.with_suffix(".html.gz").write_bytes(gzip.compress(html, 9))
        server.restart()  # whitenoise lists static files when it starts
        started = time.perf_counter()
        urllib.request.urlopen(page_url).read()
        results["cold first request ms"] = round((time.perf_counter() - started) * 1000, 1)

        hit_queries, miss_queries = (int(n) for n in server.manage("shell", "-c", COUNT_QUERIES).split()[-2:])
        results["SQL queries per request"] = {"page-cache hit": hit_queries, "page-cache miss": miss_queries}
        transfer = browser_bytes(page_url)
        request = urllib.request.Request(page_url, headers={"Accept-Encoding": "gzip"})
        results["HTML bytes"] = {"uncompressed": len(html), "gzip": len(urllib.request.urlopen(request).read())}
        if transfer:
            results["browser first visit"] = {"bytes": transfer[0], "requests": transfer[1]}

        for _ in range(50):  # warm both workers
            urllib.request.urlopen(page_url).read()
        runs = {"1 page-cache hit": page_url, "3 static file, same size": server.url + "/static/bench/page-copy.html"}
        for name, url in runs.items():
            results[name] = _row(load(url, args.seconds, args.connections))

    with ProductionServer(extra_env={"CMS_PAGE_CACHE": "0"}) as server:
        for _ in range(50):
            urllib.request.urlopen(server.url + PAGE).read()
        results["2 page-cache miss"] = _row(load(server.url + PAGE, args.seconds, args.connections))

    ceiling = results["3 static file, same size"]["requests/s"]
    results["ratio hit/static"] = round(results["1 page-cache hit"]["requests/s"] / ceiling, 2)
    results["ratio miss/static"] = round(results["2 page-cache miss"]["requests/s"] / ceiling, 2)
    print(json.dumps(results, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


def _row(measured):
    rps, p50, p95, p99, errors = measured
    return {
        "requests/s": round(rps),
        "p50 ms": round(p50, 2),
        "p95 ms": round(p95, 2),
        "p99 ms": round(p99, 2),
        "errors": errors,
    }


def _cores():
    import os

    return os.cpu_count()


if __name__ == "__main__":
    main()
