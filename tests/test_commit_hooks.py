"""The commit hooks install from pinned packages on the index, the same ruff the developers run.

Git hosting is not reachable from the machines here, so a hook that clones its repository would
break `make lint` on a fresh machine; and a ruff pinned differently in the hooks than in
requirements-dev.txt would format files one way in the editor and another way in CI.
"""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _hooks():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    return config["repos"]


def _dev_pins():
    lines = (ROOT / "requirements-dev.txt").read_text().splitlines()
    return dict(re.match(r"([\w.-]+)==(\S+)", line).groups() for line in lines if "==" in line)


def test_every_hook_is_local_and_installs_pinned_packages():
    for repo in _hooks():
        assert repo["repo"] == "local", f"{repo['repo']} would be cloned from git hosting"
        for hook in repo["hooks"]:
            assert hook["language"] == "python", f"{hook['id']} is not a python hook"
            packages = hook.get("additional_dependencies", [])
            assert packages, f"{hook['id']} installs nothing from the index"
            unpinned = [package for package in packages if "==" not in package]
            assert not unpinned, f"{hook['id']} does not pin {unpinned}"


def test_the_hooks_run_the_ruff_and_pre_commit_of_requirements_dev():
    pins = _dev_pins()
    assert "pre-commit" in pins, "requirements-dev.txt does not pin pre-commit"
    ruff_hooks = [hook for repo in _hooks() for hook in repo["hooks"] if hook["entry"].startswith("ruff ")]
    assert ruff_hooks, "no hook runs ruff"
    for hook in ruff_hooks:
        assert f"ruff=={pins['ruff']}" in hook["additional_dependencies"], f"{hook['id']} pins another ruff"
