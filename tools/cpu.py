"""CPU time a server spends, read from Linux's /proc: the gunicorn master and its workers.

Requests per second depend on everything else the machine runs at the time; CPU time per request
does not, so the benchmark reports both. Elsewhere than on Linux it reports nothing.
"""

import os
from pathlib import Path

PROC = Path("/proc")


def _stat(pid):
    """(parent pid, user + system CPU seconds) of a process, or None once it has gone."""
    try:
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid):
    """CPU seconds used so far by `pid` and its children, or None without /proc."""
    if not PROC.is_dir():
        return None
    stats = {int(entry.name): _stat(entry.name) for entry in PROC.iterdir() if entry.name.isdigit()}
    tree = {pid} | {child for child, stat in stats.items() if stat and stat[0] == pid}
    return sum(stats[p][1] for p in tree if stats.get(p))
