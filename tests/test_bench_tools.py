"""The benchmark's CPU reading counts a server's workers too (gunicorn's master does little)."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools.cpu import tree_cpu_seconds

# A parent that starts a child which burns CPU for half a second, then both wait.
PARENT = (
    "import subprocess, sys, time; "
    "subprocess.Popen([sys.executable, '-c', 'import time\\nend = time.process_time() + 0.5\\n"
    "while time.process_time() < end: pass\\ntime.sleep(30)']); time.sleep(30)"
)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads Linux's /proc")
def test_the_cpu_reading_counts_the_work_of_a_servers_children():
    parent = subprocess.Popen([sys.executable, "-c", PARENT])
    try:
        deadline = time.monotonic() + 20
        while (used := tree_cpu_seconds(parent.pid)) < 0.5 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert used >= 0.5
    finally:
        subprocess.run(["pkill", "-P", str(parent.pid)], check=False)
        parent.kill()
        parent.wait()
