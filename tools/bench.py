"""Benchmark: this site against the platform peer, interleaved, under gunicorn on 127.0.0.1 only.

    python -m tools.bench [--seconds 10] [--connections 16] [--rounds 3] [--peer-dir DIR]

Runs the seeded site with production settings and, when `--peer-dir` or `PEER_DIR` names the
peer's folder (django-cms-quickstart with its build.sh, see tools/peer.py), the peer beside it.
Then, with the same load generator and settings for both (wrk if installed, else a small Python
client), it alternates for `--rounds` rounds: this site's page-cache hit, the peer's hit, this
site's miss, the peer's miss, and a static file of the page's size served by whitenoise through
this site's server (the ceiling). A miss is a request with a query string of its own
(tools/loadgen.py), so both sites render the page. Interleaving and ratios keep the comparison
fair on a noisy, shared machine, where absolute figures are not.

Prints a table of requests/s per round, each server's CPU time per request (tools/cpu.py: a
figure the machine's other load hardly moves), the median of each round's ratios against the targets
(hit >= 0.8x the static file and >= 2x the peer's hit, miss >= 1.2x the peer's miss), and also
SQL queries per request, the bytes a browser needs and the cold first request. Exits non-zero
on any failed request only: a missed target is reported, not an error, since noise can cause it.
Without the peer, this site runs alone and the output says that the peer was not measured.
"""

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import sys
import time
import urllib.request
from contextlib import nullcontext
from pathlib import Path

from tools.cpu import tree_cpu_seconds
from tools.loadgen import load, tool
from tools.peer import PeerServer
from tools.prodserver import ProductionServer

PAGE = "/hemifacial-spasm/treatment/"
RUNS = ["site hit", "peer hit", "site miss", "peer miss", "static file"]
# (name, numerator, denominator, target): each is the median of the rounds' own ratios.
TARGETS = [
    ("site hit / static file", "site hit", "static file", 0.8),
    ("site hit / peer hit", "site hit", "peer hit", 2.0),
    ("site miss / peer miss", "site miss", "peer miss", 1.2),
]

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
    parser.add_argument("--seconds", type=int, default=10, help="length of each load run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--peer-dir", default=os.environ.get("PEER_DIR"), help="the peer's folder (or PEER_DIR)")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    results = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "load generator": tool(),
        "connections": args.connections,
        "seconds": args.seconds,
        "rounds": args.rounds,
    }
    peer_missing = _peer_missing(args.peer_dir)
    results["peer"] = peer_missing or str(Path(args.peer_dir).resolve())

    peer_server = nullcontext() if peer_missing else PeerServer(args.peer_dir)
    with ProductionServer() as server, peer_server as peer:
        page_url = server.url + PAGE
        results.update(_site_facts(server, page_url))
        urls = {"site hit": page_url, "site miss": page_url, "static file": server.url + "/static/bench/page-copy.html"}
        if peer:
            urls["peer hit"] = urls["peer miss"] = peer.url + peer.page
        for url in set(urls.values()):  # warm every worker of both servers
            for _ in range(50):
                urllib.request.urlopen(url).read()
        runs = [name for name in RUNS if name in urls]
        results["runs"] = []
        pids = {name: (peer if name.startswith("peer") else server).process.pid for name in runs}
        for round_number in range(1, args.rounds + 1):
            for name in runs:
                before = tree_cpu_seconds(pids[name])
                measured = load(urls[name], args.seconds, args.connections, misses=name.endswith("miss"))
                row = {"round": round_number, "run": name, **_row(measured)}
                if before is not None and row["requests/s"]:
                    used = tree_cpu_seconds(pids[name]) - before
                    row["server cpu ms/request"] = round(used * 1000 / (row["requests/s"] * args.seconds), 2)
                print(
                    f"round {round_number} {name:<12} {row['requests/s']:>7} req/s  {row['errors']} errors", flush=True
                )
                results["runs"].append(row)

    results["ratios"] = _ratios(results["runs"], args.rounds)
    print(json.dumps(results, indent=2))
    print(_table(results, runs, args.rounds, peer_missing))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    errors = sum(row["errors"] for row in results["runs"])
    if errors:
        sys.exit(f"{errors} failed requests")


def _peer_missing(peer_dir):
    """Why the peer cannot be measured, or None when it can."""
    if not peer_dir:
        return "not measured: PEER_DIR is not set"
    if not (Path(peer_dir) / "build.sh").is_file():
        return f"not measured: {peer_dir} has no build.sh"
    return None


def _site_facts(server, page_url):
    """Sets up the static copy of the page and measures what is not a load run."""
    facts = {}
    html = urllib.request.urlopen(page_url).read()
    # a static file of the same size as the page, pre-compressed like every static file
    copy = Path(server.env["STATIC_ROOT"]) / "bench" / "page-copy.html"
    copy.parent.mkdir(exist_ok=True)
    copy.write_bytes(html)
    copy.with_suffix(".html.gz").write_bytes(gzip.compress(html, 9))
    server.restart()  # whitenoise lists static files when it starts
    started = time.perf_counter()
    urllib.request.urlopen(page_url).read()
    facts["cold first request ms"] = round((time.perf_counter() - started) * 1000, 1)

    hit_queries, miss_queries = (int(n) for n in server.manage("shell", "-c", COUNT_QUERIES).split()[-2:])
    facts["SQL queries per request"] = {"page-cache hit": hit_queries, "page-cache miss": miss_queries}
    request = urllib.request.Request(page_url, headers={"Accept-Encoding": "gzip"})
    facts["HTML bytes"] = {"uncompressed": len(html), "gzip": len(urllib.request.urlopen(request).read())}
    transfer = browser_bytes(page_url)
    if transfer:
        facts["browser first visit"] = {"bytes": transfer[0], "requests": transfer[1]}
    return facts


def _ratios(rows, rounds):
    rate = {(row["round"], row["run"]): row["requests/s"] for row in rows}
    ratios = {}
    for name, top, bottom, target in TARGETS:
        per_round = [rate[r, top] / rate[r, bottom] for r in range(1, rounds + 1) if (r, bottom) in rate]
        if per_round:
            median = round(statistics.median(per_round), 2)
            ratios[name] = {"median": median, "rounds": [round(x, 2) for x in per_round], "target": target}
    return ratios


def _table(results, runs, rounds, peer_missing):
    rate = {(row["round"], row["run"]): row["requests/s"] for row in results["runs"]}
    lines = ["", "| requests/s | " + " | ".join(runs) + " |", "| --- |" + " ---: |" * len(runs)]
    for r in range(1, rounds + 1):
        lines.append(f"| round {r} | " + " | ".join(f"{rate[r, name]:,}" for name in runs) + " |")
    medians = [round(statistics.median(rate[r, name] for r in range(1, rounds + 1))) for name in runs]
    lines.append("| median | " + " | ".join(f"{m:,}" for m in medians) + " |")
    cpu = {(row["round"], row["run"]): row.get("server cpu ms/request") for row in results["runs"]}
    if all(cpu.values()):
        lines += ["", "| server CPU ms/request | " + " | ".join(runs) + " |", "| --- |" + " ---: |" * len(runs)]
        per_run = [statistics.median(cpu[r, name] for r in range(1, rounds + 1)) for name in runs]
        lines.append("| median | " + " | ".join(str(ms) for ms in per_run) + " |")
    lines.append("")
    for name, ratio in results["ratios"].items():
        verdict = "met" if ratio["median"] >= ratio["target"] else "NOT met"
        lines.append(f"{name}: {ratio['median']} (target {ratio['target']}, {verdict}; rounds {ratio['rounds']})")
    if peer_missing:
        lines.append(f"peer {peer_missing}")
    errors = sum(row["errors"] for row in results["runs"])
    lines.append(f"errors: {errors}")
    return "\n".join(lines)


def _row(measured):
    rps, p50, p95, p99, errors = measured
    return {
        "requests/s": round(rps),
        "p50 ms": round(p50, 2),
        "p95 ms": round(p95, 2),
        "p99 ms": round(p99, 2),
        "errors": errors,
    }


if __name__ == "__main__":
    main()
