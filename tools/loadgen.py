"""Bounded load on one URL on 127.0.0.1: wrk when it is installed, else a small Python client.

`load(url, seconds, connections, misses=True)` gives every request its own query string
(`?n=<run>-<counter>`): django CMS's page cache keys on the full path, query string included, so
each such request renders the page (and stores it), on this site and on the peer alike. Each run
draws a new <run>, so a later run never hits what an earlier one stored.
"""

import http.client
import secrets
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from itertools import count
from pathlib import Path
from urllib.parse import urlsplit

WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %f %f %f %d\\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""
# Appended for misses: each wrk thread numbers its own requests under its own id.
WRK_MISSES = """
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
init = function(args) n = 0 end
request = function()
  n = n + 1
  return wrk.format(nil, wrk.path .. "?n=" .. "%s" .. "-" .. tid .. "-" .. n)
end
"""


def tool():
    return "wrk" if shutil.which("wrk") else "python client"


def load(url, seconds, connections, misses=False):
    """(requests/s, p50 ms, p95 ms, p99 ms, errors) for `url`, bounded to `seconds`."""
    run = secrets.token_hex(4)
    if not shutil.which("wrk"):
        return python_load(url, seconds, connections, run if misses else None)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT + (WRK_MISSES % run if misses else ""))
    try:
        out = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "-s", script.name]
            + ["-H", "Accept-Encoding: gzip", url],
            capture_output=True,
            text=True,
            timeout=seconds + 30,
            check=True,
        ).stdout
    finally:
        Path(script.name).unlink()
    fields = next(line for line in out.splitlines() if line.startswith("RESULT")).split()[1:]
    requests, duration_us = int(fields[0]), int(fields[1])
    p50, p95, p99 = (float(x) for x in fields[2:5])
    return requests / (duration_us / 1e6), p50, p95, p99, int(fields[5])


def python_load(url, seconds, connections, run=None):
    """A bounded keep-alive client in threads, for machines without wrk (it measures lower)."""
    parts = urlsplit(url)
    latencies, errors, lock = [], [0], threading.Lock()
    numbers = count(1)  # next() on itertools.count is atomic under the GIL
    deadline = time.monotonic() + seconds

    def worker():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            path = parts.path + (f"?n={run}-{next(numbers)}" if run else "")
            start = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
                response = connection.getresponse()
                response.read()
                failed += response.status != 200
                if response.will_close:  # a server without keep-alive (gunicorn's sync workers)
                    connection.close()
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
